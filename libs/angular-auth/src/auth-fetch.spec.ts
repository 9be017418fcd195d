import { TestBed } from '@angular/core/testing';
import { AUTH_FETCH } from './auth-fetch';

describe('AUTH_FETCH', () => {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const original = globalThis.fetch as typeof fetch | undefined;

  beforeEach(() => {
    calls.length = 0;
    // jsdom has no fetch: the default AUTH_FETCH looks the global up per call.
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      calls.push({ url, init });
      return Promise.resolve({} as Response);
    };
  });

  afterEach(() => {
    if (original) globalThis.fetch = original;
    else Reflect.deleteProperty(globalThis, 'fetch');
    TestBed.resetTestingModule();
  });

  it("adds a traceparent to the page's own origin (the proxy), none to the authority", async () => {
    const authFetch = TestBed.inject(AUTH_FETCH);
    await authFetch('/api/auth/token', { method: 'POST', headers: { Accept: 'application/json' } });
    await authFetch(
      'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token',
      {
        method: 'POST',
        headers: { Accept: 'application/json' },
      },
    );
    expect(calls.map((call) => call.init?.headers)).toEqual([
      {
        Accept: 'application/json',
        traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
      },
      { Accept: 'application/json' },
    ]);
  });
});
