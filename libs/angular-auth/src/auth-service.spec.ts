import { TestBed } from '@angular/core/testing';
import { Deferred, FakeFetch, jsonResponse, textResponse } from '../test/fake-fetch';
import { setUpAuth, settle } from '../test/auth-test-bed';
import {
  CLIENT_ID,
  DIRECT_CONFIG,
  DIRECT_TOKEN_ENDPOINT,
  NOTES_READ,
  NOTES_WRITE,
  b2cError,
  tokenBody,
} from '../test/token-fixtures';
import { AUTH_SLEEP } from './auth-clock';
import { REFRESH_TOKEN_SESSION_KEY } from './refresh-token-store';

const SCOPE = `openid offline_access ${NOTES_READ} ${NOTES_WRITE}`;
const encodedScope = new URLSearchParams({ scope: SCOPE }).toString();

describe('AuthService', () => {
  afterEach(() => {
    TestBed.resetTestingModule();
    sessionStorage.clear();
  });

  describe('in proxy mode', () => {
    it('posts the password grant to the proxy with the CSRF header and same-origin credentials', async () => {
      const fetch = new FakeFetch().when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
      const { auth } = await setUpAuth({ fetch });
      await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
      const [call] = fetch.callsTo('/api/auth/token');
      expect(call).toEqual({
        url: '/api/auth/token',
        method: 'POST',
        headers: {
          'X-Requested-With': 'XMLHttpRequest',
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body:
          `grant_type=password&client_id=${CLIENT_ID}&username=alice%40contoso.com` +
          `&password=Alice-Passw0rd%21&${encodedScope}&response_type=token+id_token`,
        credentials: 'same-origin',
      });
    });

    it('starts up with POST /api/auth/refresh carrying only the scope', async () => {
      const { fetch } = await setUpAuth();
      expect(fetch.calls).toEqual([
        {
          url: '/api/auth/refresh',
          method: 'POST',
          headers: {
            'X-Requested-With': 'XMLHttpRequest',
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          body: encodedScope,
          credentials: 'same-origin',
        },
      ]);
    });

    it('signs out with POST /api/auth/sign-out and forgets the token', async () => {
      const fetch = new FakeFetch()
        .when('/api/auth/token', jsonResponse(200, tokenBody('at-1')))
        .when('/api/auth/sign-out', textResponse(204, ''));
      const { auth, store } = await setUpAuth({ fetch });
      await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
      await auth.signOut();
      expect(fetch.callsTo('/api/auth/sign-out')).toEqual([
        expect.objectContaining({ method: 'POST', body: '', credentials: 'same-origin' }),
      ]);
      expect(fetch.callsTo('/api/auth/sign-out')[0]?.headers['X-Requested-With']).toBe(
        'XMLHttpRequest',
      );
      expect(store.status()).toBe('signed-out');
      expect(store.lastError()).toBeNull();
      await expect(auth.accessToken()).resolves.toBeNull();
    });

    it('signs out locally even when the proxy cannot be reached, and says so', async () => {
      const fetch = new FakeFetch()
        .when('/api/auth/token', jsonResponse(200, tokenBody('at-1')))
        .when('/api/auth/sign-out', new TypeError('Failed to fetch'));
      const { auth, store } = await setUpAuth({ fetch });
      await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
      await expect(auth.signOut()).resolves.toBeUndefined();
      expect(store.status()).toBe('signed-out');
      expect(store.lastError()?.kind).toBe('network');
    });

    it('waits out a short Retry-After when the start-up refresh is throttled, then tries once more', async () => {
      const waits: number[] = [];
      const fetch = new FakeFetch()
        .when(
          '/api/auth/refresh',
          jsonResponse(429, b2cError('temporarily_unavailable', 'AADB2C90244', 'slow'), {
            'Retry-After': '7',
          }),
        )
        .when('/api/auth/refresh', jsonResponse(200, tokenBody('at-after-wait')));
      const { store } = await setUpAuth({
        fetch,
        providers: [
          { provide: AUTH_SLEEP, useValue: (ms: number) => (waits.push(ms), Promise.resolve()) },
        ],
      });
      expect(waits).toEqual([7000]);
      expect(fetch.callsTo('/api/auth/refresh')).toHaveLength(2);
      expect(store.status()).toBe('signed-in');
    });

    it('does not wait out a long Retry-After at start-up', async () => {
      const waits: number[] = [];
      const { fetch, store } = await setUpAuth({
        startup: jsonResponse(429, b2cError('temporarily_unavailable', 'AADB2C90244', 'slow'), {
          'Retry-After': '600',
        }),
        providers: [
          { provide: AUTH_SLEEP, useValue: (ms: number) => (waits.push(ms), Promise.resolve()) },
        ],
      });
      expect([waits, fetch.callsTo('/api/auth/refresh').length]).toEqual([[], 1]);
      expect(store.status()).toBe('signed-out');
      expect(store.lastError()?.kind).toBe('throttled');
    });

    it('shares one refresh between concurrent callers', async () => {
      const held = new Deferred<Response>();
      const fetch = new FakeFetch().when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
      const { auth } = await setUpAuth({ fetch });
      await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
      fetch.when('/api/auth/refresh', held);
      const refreshes = [auth.refresh(), auth.refresh(), auth.refresh()];
      await settle();
      held.resolve(jsonResponse(200, tokenBody('at-2')));
      await Promise.all(refreshes);
      expect(fetch.callsTo('/api/auth/refresh')).toHaveLength(2); // start-up + one
      await expect(auth.accessToken()).resolves.toBe('at-2');
    });
  });

  describe('accessToken()', () => {
    it('returns the token while it is fresh and refreshes within refreshAheadSeconds', async () => {
      const fetch = new FakeFetch().when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
      const { auth, clock } = await setUpAuth({ fetch });
      await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
      clock.advance(3600 - 61);
      await expect(auth.accessToken()).resolves.toBe('at-1');
      expect(fetch.callsTo('/api/auth/refresh')).toHaveLength(1);
      clock.advance(1);
      fetch.when('/api/auth/refresh', jsonResponse(200, tokenBody('at-2')));
      await expect(auth.accessToken()).resolves.toBe('at-2');
      expect(fetch.callsTo('/api/auth/refresh')).toHaveLength(2);
    });

    it('refreshes a short-lived token no earlier than halfway through its life', async () => {
      const fetch = new FakeFetch().when(
        '/api/auth/token',
        jsonResponse(200, tokenBody('at-1', { expires_in: 60, expires_on: undefined })),
      );
      const { auth, clock } = await setUpAuth({ fetch });
      await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
      clock.advance(29);
      await expect(auth.accessToken()).resolves.toBe('at-1');
      expect(fetch.callsTo('/api/auth/refresh')).toHaveLength(1); // the start-up one only
      clock.advance(1);
      fetch.when('/api/auth/refresh', jsonResponse(200, tokenBody('at-2')));
      await expect(auth.accessToken()).resolves.toBe('at-2');
    });

    it('refreshes ahead at most every minute, however short the refresh lead makes it', async () => {
      const fetch = new FakeFetch().when(
        '/api/auth/token',
        jsonResponse(200, tokenBody('at-1', { expires_in: 120, expires_on: undefined })),
      );
      const { auth, clock } = await setUpAuth({ fetch });
      await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
      clock.advance(60);
      fetch.when(
        '/api/auth/refresh',
        jsonResponse(200, tokenBody('at-2', { expires_in: 40, expires_on: undefined })),
      );
      await expect(auth.accessToken()).resolves.toBe('at-2');
      // at-2 lives 40 s, so half its life is 20 s: no refresh ahead before then.
      clock.advance(19);
      await expect(auth.accessToken()).resolves.toBe('at-2');
      expect(fetch.callsTo('/api/auth/refresh')).toHaveLength(2);
      clock.advance(1);
      fetch.when('/api/auth/refresh', jsonResponse(200, tokenBody('at-3')));
      await expect(auth.accessToken()).resolves.toBe('at-3');
    });

    it('keeps using a still-valid token when an early refresh fails for a passing reason', async () => {
      const fetch = new FakeFetch().when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
      const { auth, clock, store } = await setUpAuth({ fetch });
      await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
      clock.advance(3600 - 30);
      fetch.when('/api/auth/refresh', new TypeError('Failed to fetch'));
      await expect(auth.accessToken()).resolves.toBe('at-1');
      expect(store.status()).toBe('signed-in');
      expect(store.lastError()?.kind).toBe('network');
    });

    it('rejects when the token has expired and the refresh failed', async () => {
      const fetch = new FakeFetch().when('/api/auth/token', jsonResponse(200, tokenBody('at-1')));
      const { auth, clock } = await setUpAuth({ fetch });
      await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
      clock.advance(3600);
      fetch.when('/api/auth/refresh', jsonResponse(502, b2cError('server_error', 'X', 'down')));
      await expect(auth.accessToken()).rejects.toMatchObject({ kind: 'server_error' });
    });
  });

  describe('in direct mode', () => {
    it('posts both grants with client_id to the authority and keeps the refresh token in memory', async () => {
      const fetch = new FakeFetch()
        .when(
          DIRECT_TOKEN_ENDPOINT,
          jsonResponse(200, tokenBody('at-1', { refresh_token: 'rt-1' })),
        )
        .when(
          DIRECT_TOKEN_ENDPOINT,
          jsonResponse(200, tokenBody('at-2', { refresh_token: 'rt-2' })),
        );
      const { auth } = await setUpAuth({ fetch, config: DIRECT_CONFIG });
      expect(fetch.calls).toEqual([]); // nothing to refresh with at start-up
      await auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
      await auth.refresh();
      const [password, refresh] = fetch.calls;
      expect(password?.headers).toEqual({
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      });
      expect(password?.credentials).toBeUndefined();
      expect(refresh?.body).toBe(
        `grant_type=refresh_token&client_id=${CLIENT_ID}&refresh_token=rt-1&${encodedScope}` +
          '&response_type=token+id_token',
      );
      expect(sessionStorage.getItem(REFRESH_TOKEN_SESSION_KEY)).toBeNull();
    });

    it('keeps the refresh token in sessionStorage when configured and refreshes with it at start-up', async () => {
      sessionStorage.setItem(REFRESH_TOKEN_SESSION_KEY, 'rt-stored');
      const fetch = new FakeFetch().when(
        DIRECT_TOKEN_ENDPOINT,
        jsonResponse(200, tokenBody('at-1', { refresh_token: 'rt-next' })),
      );
      const { auth, store } = await setUpAuth({
        fetch,
        config: { ...DIRECT_CONFIG, refreshTokenStorage: 'sessionStorage' },
      });
      expect(fetch.calls[0]?.body).toContain('refresh_token=rt-stored');
      expect(store.status()).toBe('signed-in');
      expect(sessionStorage.getItem(REFRESH_TOKEN_SESSION_KEY)).toBe('rt-next');
      await auth.signOut();
      expect(sessionStorage.getItem(REFRESH_TOKEN_SESSION_KEY)).toBeNull();
      expect(fetch.calls).toHaveLength(1); // no server call to sign out in direct mode
    });

    it('rejects a refresh without a refresh token as session_expired', async () => {
      const { auth, store } = await setUpAuth({ config: DIRECT_CONFIG });
      await expect(auth.refresh()).rejects.toMatchObject({ kind: 'session_expired' });
      expect(store.status()).toBe('signed-out');
    });
  });
});
