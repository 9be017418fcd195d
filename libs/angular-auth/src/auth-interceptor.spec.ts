import { HttpContext, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { setUpAuth, settle, type AuthTest } from '../test/auth-test-bed';
import { Deferred, FakeFetch, jsonResponse } from '../test/fake-fetch';
import { PROXY_CONFIG, b2cError, tokenBody } from '../test/token-fixtures';
import { AUTH_ERROR_MESSAGES } from './auth-error-message';
import { SKIP_AUTH } from './skip-auth';

const INVALID_TOKEN = new HttpHeaders({
  'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The token expired"',
});
const EXPIRED_GRANT = jsonResponse(400, b2cError('invalid_grant', 'AADB2C90080', 'expired'));

async function signedIn(options: Parameters<typeof setUpAuth>[0] = {}): Promise<AuthTest> {
  const fetch = (options.fetch ?? new FakeFetch()).when(
    '/api/auth/token',
    jsonResponse(200, tokenBody('at-1')),
  );
  const test = await setUpAuth({ ...options, fetch });
  await test.auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');
  return test;
}

/** Sends a GET and returns the Authorization header the backend saw (null: none). */
async function authorizationSentTo(
  test: AuthTest,
  url: string,
  context?: HttpContext,
): Promise<string | null> {
  test.http.get(url, context ? { context } : {}).subscribe();
  await settle();
  const request = test.httpTesting.expectOne(url);
  request.flush({});
  return request.request.headers.get('Authorization');
}

/** Subscribes and records the outcome. */
function outcomeOf(test: AuthTest, url: string) {
  const outcome: { value?: unknown; error?: unknown } = {};
  test.http.get(url).subscribe({
    next: (value) => (outcome.value = value),
    error: (error: unknown) => (outcome.error = error),
  });
  return outcome;
}

describe('authInterceptor', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    TestBed.resetTestingModule();
  });

  describe('attaches the token only to protected resources', () => {
    it.each([
      ['the protected prefix, relative', '/api/notes', 'Bearer at-1'],
      ['the protected prefix with a query', '/api/notes?limit=5', 'Bearer at-1'],
      [
        'the protected prefix, absolute on the same origin',
        'http://localhost/api/me',
        'Bearer at-1',
      ],
      ['the prefix folder without its slash', '/api', null],
      ['a look-alike path', '/apis/notes', null],
      ['another path', '/assets/config.json', null],
      ['a relative file', 'config.json', null],
      ['a path that climbs out of the prefix', '/api/notes/../../admin', null],
      ['another origin with the same path', 'https://evil.example/api/notes', null],
      ['another port with the same path', 'http://localhost:7071/api/notes', null],
      ['another scheme with the same path', 'https://localhost/api/notes', null],
      ['the token endpoint', '/api/auth/token', null],
      ['the refresh endpoint', '/api/auth/refresh', null],
      ['the sign-out endpoint', 'http://localhost/api/auth/sign-out', null],
      ['any other /api/auth/ path', '/api/auth/anything', null],
    ])('%s (%s)', async (_case, url, expected) => {
      const test = await signedIn();
      await expect(authorizationSentTo(test, url)).resolves.toBe(expected);
    });

    it('leaves a request with SKIP_AUTH alone', async () => {
      const test = await signedIn();
      const context = new HttpContext().set(SKIP_AUTH, true);
      await expect(authorizationSentTo(test, '/api/notes', context)).resolves.toBeNull();
    });

    it('matches an absolute resource by exact origin and path prefix', async () => {
      const test = await signedIn({
        config: {
          ...PROXY_CONFIG,
          protectedResources: [{ url: 'https://notes.contoso.com/v1/', scopes: [] }],
        },
      });
      await expect(authorizationSentTo(test, 'https://notes.contoso.com/v1/notes')).resolves.toBe(
        'Bearer at-1',
      );
      await expect(authorizationSentTo(test, 'https://notes.contoso.com/v2/notes')).resolves.toBe(
        null,
      );
      await expect(authorizationSentTo(test, 'http://notes.contoso.com/v1/notes')).resolves.toBe(
        null,
      );
      await expect(authorizationSentTo(test, '/v1/notes')).resolves.toBeNull();
    });

    it('sends a protected request without a token when signed out', async () => {
      const test = await setUpAuth();
      await expect(authorizationSentTo(test, '/api/notes')).resolves.toBeNull();
    });
  });

  it('makes 50 concurrent requests with an expired token wait for exactly one refresh', async () => {
    const test = await signedIn();
    const held = new Deferred<Response>();
    test.fetch.when('/api/auth/refresh', held);
    test.clock.advance(3600);
    const results = Array.from({ length: 50 }, () => firstValueFrom(test.http.get('/api/notes')));
    await settle();
    expect(test.fetch.callsTo('/api/auth/refresh')).toHaveLength(2); // start-up + this one
    expect(test.httpTesting.match('/api/notes')).toEqual([]);
    held.resolve(jsonResponse(200, tokenBody('at-2')));
    await settle();
    const requests = test.httpTesting.match('/api/notes');
    expect(requests.map((request) => request.request.headers.get('Authorization'))).toEqual(
      Array(50).fill('Bearer at-2'),
    );
    requests.forEach((request, index) => {
      request.flush({ index });
    });
    await expect(Promise.all(results)).resolves.toEqual(
      Array.from({ length: 50 }, (_, index) => ({ index })),
    );
    expect(test.fetch.callsTo('/api/auth/refresh')).toHaveLength(2);
  });

  describe('sends a fresh W3C traceparent with the token, to protected resources only', () => {
    const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

    async function traceparentSentTo(test: AuthTest, url: string): Promise<string | null> {
      test.http.get(url).subscribe();
      await settle();
      const request = test.httpTesting.expectOne(url);
      request.flush({});
      return request.request.headers.get('traceparent');
    }

    it('a new one for each request to a protected resource', async () => {
      const test = await signedIn();
      const first = await traceparentSentTo(test, '/api/notes');
      const second = await traceparentSentTo(test, 'http://localhost/api/me');
      expect(first).toMatch(TRACEPARENT);
      expect(second).toMatch(TRACEPARENT);
      expect(second).not.toBe(first);
    });

    it.each([
      ['another origin', 'https://evil.example/api/notes'],
      ['another path of the page origin', '/assets/config.json'],
      ['the auth endpoints', '/api/auth/anything'],
    ])('none to %s', async (_case, url) => {
      const test = await signedIn();
      await expect(traceparentSentTo(test, url)).resolves.toBeNull();
    });

    it('keeps one the app set', async () => {
      const test = await signedIn();
      const own = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      test.http.get('/api/notes', { headers: { traceparent: own } }).subscribe();
      await settle();
      const request = test.httpTesting.expectOne('/api/notes');
      request.flush({});
      expect(request.request.headers.get('traceparent')).toBe(own);
    });
  });

  describe('on a 401', () => {
    it('refreshes once and retries once with the new token on error="invalid_token"', async () => {
      const test = await signedIn();
      test.fetch.when('/api/auth/refresh', jsonResponse(200, tokenBody('at-2')));
      const outcome = outcomeOf(test, '/api/notes');
      await settle();
      test.httpTesting
        .expectOne('/api/notes')
        .flush(null, { status: 401, statusText: 'Unauthorized', headers: INVALID_TOKEN });
      await settle();
      const retry = test.httpTesting.expectOne('/api/notes');
      expect(retry.request.headers.get('Authorization')).toBe('Bearer at-2');
      retry.flush({ items: [] });
      expect(outcome).toEqual({ value: { items: [] } });
      expect(test.fetch.callsTo('/api/auth/refresh')).toHaveLength(2);
    });

    it('returns a second 401 to the caller and never loops', async () => {
      const test = await signedIn();
      test.fetch.when('/api/auth/refresh', jsonResponse(200, tokenBody('at-2')));
      const outcome = outcomeOf(test, '/api/notes');
      for (const token of ['Bearer at-1', 'Bearer at-2']) {
        await settle();
        const request = test.httpTesting.expectOne('/api/notes');
        expect(request.request.headers.get('Authorization')).toBe(token);
        request.flush(null, { status: 401, statusText: 'Unauthorized', headers: INVALID_TOKEN });
      }
      await settle();
      expect(outcome.error).toBeInstanceOf(HttpErrorResponse);
      expect((outcome.error as HttpErrorResponse).status).toBe(401);
      expect(test.fetch.callsTo('/api/auth/refresh')).toHaveLength(2);
    });

    it('does not refresh for a 401 without error="invalid_token"', async () => {
      const test = await signedIn();
      const outcome = outcomeOf(test, '/api/notes');
      await settle();
      test.httpTesting.expectOne('/api/notes').flush(null, {
        status: 401,
        statusText: 'Unauthorized',
        headers: new HttpHeaders({ 'WWW-Authenticate': 'Bearer realm="api"' }),
      });
      await settle();
      expect((outcome.error as HttpErrorResponse).status).toBe(401);
      expect(test.fetch.callsTo('/api/auth/refresh')).toHaveLength(1);
    });

    it('refreshes once for several requests refused with the same token', async () => {
      const test = await signedIn();
      test.fetch.when('/api/auth/refresh', jsonResponse(200, tokenBody('at-2')));
      const outcomes = [outcomeOf(test, '/api/notes'), outcomeOf(test, '/api/notes')];
      await settle();
      const [first, second] = test.httpTesting.match('/api/notes');
      first?.flush(null, { status: 401, statusText: 'Unauthorized', headers: INVALID_TOKEN });
      await settle();
      second?.flush(null, { status: 401, statusText: 'Unauthorized', headers: INVALID_TOKEN });
      await settle();
      const retries = test.httpTesting.match('/api/notes');
      expect(retries.map((request) => request.request.headers.get('Authorization'))).toEqual([
        'Bearer at-2',
        'Bearer at-2',
      ]);
      retries.forEach((request) => {
        request.flush('ok');
      });
      expect(outcomes).toEqual([{ value: 'ok' }, { value: 'ok' }]);
      expect(test.fetch.callsTo('/api/auth/refresh')).toHaveLength(2);
    });
  });

  describe('when the session has ended (invalid_grant)', () => {
    it('signs out and sends the user to /sign-in with the current URL as returnUrl', async () => {
      const test = await signedIn();
      await test.router.navigateByUrl('/notes?tab=2');
      test.fetch.when('/api/auth/refresh', EXPIRED_GRANT);
      test.clock.advance(3600);
      const outcome = outcomeOf(test, '/api/notes');
      await settle();
      expect(test.router.url).toBe('/sign-in?returnUrl=%2Fnotes%3Ftab%3D2');
      expect(test.store.status()).toBe('signed-out');
      expect(test.store.lastError()?.kind).toBe('session_expired');
      const error = outcome.error as HttpErrorResponse;
      expect(error).toBeInstanceOf(HttpErrorResponse);
      expect({
        status: error.status,
        url: error.url,
        kind: (error.error as { kind: string }).kind,
      }).toEqual({ status: 0, url: '/api/notes', kind: 'session_expired' });
      expect((error.error as Error).message).toBe(AUTH_ERROR_MESSAGES.session_expired);
    });

    it('does the same when the refresh after a 401 finds the grant revoked', async () => {
      const test = await signedIn();
      await test.router.navigateByUrl('/notes');
      test.fetch.when(
        '/api/auth/refresh',
        jsonResponse(400, b2cError('invalid_grant', 'AADB2C90129', 'revoked')),
      );
      const outcome = outcomeOf(test, '/api/notes');
      await settle();
      test.httpTesting
        .expectOne('/api/notes')
        .flush(null, { status: 401, statusText: 'Unauthorized', headers: INVALID_TOKEN });
      await settle();
      expect(test.router.url).toBe('/sign-in?returnUrl=%2Fnotes');
      expect(test.store.isSignedIn()).toBe(false);
      expect((outcome.error as HttpErrorResponse).status).toBe(0);
    });

    it('does not redirect for a refresh that failed for a passing reason', async () => {
      const test = await signedIn();
      await test.router.navigateByUrl('/notes');
      test.fetch.when('/api/auth/refresh', new TypeError('Failed to fetch'));
      test.clock.advance(3600);
      const outcome = outcomeOf(test, '/api/notes');
      await settle();
      expect(test.router.url).toBe('/notes');
      expect(((outcome.error as HttpErrorResponse).error as { kind: string }).kind).toBe('network');
      expect(test.store.status()).toBe('signed-in');
    });
  });
});
