import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { setUpAuth } from '../test/auth-test-bed';
import { FakeFetch, jsonResponse } from '../test/fake-fetch';
import { PROXY_CONFIG, tokenBody } from '../test/token-fixtures';
import { AuthConfigHolder } from './auth-config-holder';
import { ROPC_AUTH_CONFIG } from './ropc-auth-config';
import { RopcAuthConfigError } from './ropc-auth-config-error';

describe('provideRopcAuth', () => {
  afterEach(() => {
    TestBed.resetTestingModule();
  });

  it('loads config.json in an app initializer, then starts the silent refresh', async () => {
    const fetch = new FakeFetch().when('/api/auth/refresh', jsonResponse(200, tokenBody('at-1')));
    const loader = jest.fn(() => Promise.resolve(JSON.parse(JSON.stringify(PROXY_CONFIG))));
    const { store } = await setUpAuth({ fetch, config: loader });
    expect(loader).toHaveBeenCalledTimes(1);
    expect(TestBed.inject(ROPC_AUTH_CONFIG)).toEqual({
      ...PROXY_CONFIG,
      authorityKind: 'b2c',
      nativeAuthBase: '/api/auth/native',
      signInMethod: 'password',
      refreshTokenStorage: 'memory',
      refreshAheadSeconds: 60,
      signInPath: '/sign-in',
    });
    expect(fetch.calls.map((call) => call.url)).toEqual(['/api/auth/refresh']);
    expect(store.status()).toBe('signed-in');
  });

  it('fails the bootstrap with every bad field of a loaded configuration', async () => {
    const loader = () => Promise.resolve({ ...PROXY_CONFIG, clientId: '', scopes: [] });
    const failure = await setUpAuth({ config: loader as never }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RopcAuthConfigError);
    expect(failure).toMatchObject({
      code: 'ERR_AUTH_CONFIG_INVALID',
      problems: [
        'clientId: must be the application (client) id',
        'scopes: must be a non-empty array of scope strings',
        'protectedResources[0].scopes: every scope must also be in scopes',
      ],
    });
  });

  it('reports a configuration read before it was loaded', () => {
    expect(() => new AuthConfigHolder().get()).toThrow(
      expect.objectContaining({ code: 'ERR_AUTH_CONFIG_NOT_LOADED' }) as Error,
    );
  });

  it('on the server, skips the silent refresh and starts signed out', async () => {
    const { store, fetch } = await setUpAuth({
      fetch: new FakeFetch(),
      config: () => Promise.resolve(PROXY_CONFIG),
      providers: [{ provide: PLATFORM_ID, useValue: 'server' }],
    });
    expect(fetch.calls).toEqual([]);
    expect(store.status()).toBe('signed-out');
  });
});
