import { TestBed } from '@angular/core/testing';
import { setUpAuth, settle } from '../test/auth-test-bed';
import { Deferred, FakeFetch, jsonResponse } from '../test/fake-fetch';
import { ALICE, b2cError, idTokenFor, tokenBody } from '../test/token-fixtures';
import type { AuthStatus } from './auth-status';
import { AUTH_ERROR_MESSAGES } from './auth-error-message';

describe('AuthStore', () => {
  afterEach(() => {
    TestBed.resetTestingModule();
  });

  it('is starting until the start-up refresh settles, then signed out', async () => {
    const startup = new Deferred<Response>();
    const { store } = await setUpAuth({ startup, awaitReady: false });
    expect([store.status(), store.isSignedIn(), store.user()]).toEqual(['starting', false, null]);
    startup.resolve(jsonResponse(400, b2cError('invalid_grant', 'AADB2C90129', 'no session')));
    await store.ready;
    expect([store.status(), store.isSignedIn(), store.lastError()]).toEqual([
      'signed-out',
      false,
      null,
    ]);
  });

  it('goes signing-in → signed-in and exposes the user and both expiry times', async () => {
    const answer = new Deferred<Response>();
    const fetch = new FakeFetch().when('/api/auth/token', answer);
    const { store, auth, clock } = await setUpAuth({ fetch });
    const requestedAt = clock.now;
    const signIn = auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
    expect(store.status()).toBe('signing-in');
    clock.advance(2); // lifetimes count from the request, not the answer
    answer.resolve(
      jsonResponse(200, tokenBody('at-1', { expires_in: 3600, refresh_token_expires_in: 86_400 })),
    );
    await signIn;
    expect({
      status: store.status(),
      isSignedIn: store.isSignedIn(),
      user: store.user(),
      accessTokenExpiresAt: store.accessTokenExpiresAt(),
      sessionEndsAt: store.sessionEndsAt(),
      lastError: store.lastError(),
    }).toEqual({
      status: 'signed-in',
      isSignedIn: true,
      user: ALICE,
      accessTokenExpiresAt: requestedAt + 3_600_000,
      sessionEndsAt: requestedAt + 86_400_000,
      lastError: null,
    });
  });

  it('goes refreshing → signed-in, taking the new user and session end', async () => {
    const fetch = new FakeFetch().when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
    const { store, auth, clock } = await setUpAuth({ fetch });
    await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
    const renamed = { ...ALICE, name: 'Alice Liddell' };
    const answer = new Deferred<Response>();
    fetch.when('/api/auth/refresh', answer);
    clock.advance(600);
    const refresh = auth.refresh();
    await settle();
    expect([store.status(), store.isSignedIn()]).toEqual(['refreshing', true]);
    answer.resolve(
      jsonResponse(
        200,
        tokenBody('at-2', { id_token: idTokenFor(renamed), refresh_token_expires_in: 1000 }),
      ),
    );
    await refresh;
    expect([store.status(), store.user(), store.sessionEndsAt()]).toEqual([
      'signed-in',
      renamed,
      clock.now + 1_000_000,
    ]);
  });

  it('keeps the user when a refresh answer has no id token', async () => {
    const fetch = new FakeFetch().when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
    const { store, auth } = await setUpAuth({ fetch });
    await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
    fetch.when('/api/auth/refresh', jsonResponse(200, tokenBody('at-2', { id_token: undefined })));
    await auth.refresh();
    expect(store.user()).toEqual(ALICE);
  });

  it('records a failed sign-in in lastError and clears it on the next success', async () => {
    const fetch = new FakeFetch()
      .when('/api/auth/token', jsonResponse(400, b2cError('access_denied', 'AADB2C90225', 'bad')))
      .when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
    const { store, auth } = await setUpAuth({ fetch });
    const statuses: AuthStatus[] = [];
    await auth.signIn('alice@contoso.com', 'nope').catch(() => statuses.push(store.status()));
    expect(statuses).toEqual(['signed-out']);
    expect(store.lastError()?.kind).toBe('invalid_credentials');
    expect(store.lastError()?.message).toBe(AUTH_ERROR_MESSAGES.invalid_credentials);
    await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
    expect(store.lastError()).toBeNull();
  });

  it('ends a session whose refresh finds the grant expired, with session_expired', async () => {
    const fetch = new FakeFetch().when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
    const { store, auth } = await setUpAuth({ fetch });
    await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
    fetch.when(
      '/api/auth/refresh',
      jsonResponse(400, b2cError('invalid_grant', 'AADB2C90080', 'x')),
    );
    await expect(auth.refresh()).rejects.toMatchObject({ kind: 'session_expired' });
    expect({
      status: store.status(),
      user: store.user(),
      accessTokenExpiresAt: store.accessTokenExpiresAt(),
      sessionEndsAt: store.sessionEndsAt(),
      lastError: store.lastError()?.kind,
    }).toEqual({
      status: 'signed-out',
      user: null,
      accessTokenExpiresAt: null,
      sessionEndsAt: null,
      lastError: 'session_expired',
    });
  });

  it('ignores a refresh answer that arrives after sign-out', async () => {
    const fetch = new FakeFetch()
      .when('/api/auth/token', jsonResponse(200, tokenBody('at-1')))
      .when('/api/auth/sign-out', jsonResponse(204, ''));
    const { store, auth } = await setUpAuth({ fetch });
    await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
    const answer = new Deferred<Response>();
    fetch.when('/api/auth/refresh', answer);
    const refresh = auth.refresh();
    await settle();
    await auth.signOut();
    answer.resolve(jsonResponse(200, tokenBody('at-2')));
    await refresh;
    expect(store.status()).toBe('signed-out');
    await expect(auth.accessToken()).resolves.toBeNull();
  });
});
