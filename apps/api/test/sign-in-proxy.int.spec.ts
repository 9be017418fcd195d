import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  XHR,
  SCOPE,
  postWithHost,
  codeOf,
  cookieOf,
  distinctWrongPassword,
  post,
  refreshTokenInside,
  sessionCookieOf,
} from './proxy-client';
import {
  ALICE,
  BOB,
  NOTES_READ,
  POLICY,
  TENANT,
  WEB_ORIGIN,
  apiEnv,
  startApi,
  startEmulator,
  type Started,
} from './start-stack';

describe('sign-in proxy (/api/auth) against the emulator', () => {
  let emulator: Started & {
    admin(method: string, path: string, body?: unknown): Promise<Response>;
  };
  let api: Started;

  beforeAll(async () => {
    emulator = await startEmulator();
    api = await startApi(apiEnv(emulator.url, { AUTH_TRUSTED_HOPS: '1' }));
  }, 30_000);

  afterAll(async () => {
    await api.stop();
    await emulator.stop();
  });

  const signIn = (
    user: { username: string; password: string },
    ip = '198.51.100.1',
    headers: Record<string, string> = XHR,
  ) =>
    post(
      `${api.url}/api/auth/token`,
      { grant_type: 'password', username: user.username, password: user.password, scope: SCOPE },
      { ...headers, 'X-Forwarded-For': ip },
    );

  it('signs in: the authority JSON minus refresh_token, and an encrypted HttpOnly SameSite=Strict cookie', async () => {
    const answer = await signIn(ALICE);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(answer.body).sort()).toEqual(
      [
        'access_token',
        'expires_in',
        'expires_on',
        'id_token',
        'id_token_expires_in',
        'not_before',
        'profile_info',
        'refresh_token_expires_in',
        'resource',
        'token_type',
      ].sort(),
    );
    const cookies = answer.headers.getSetCookie();
    expect(cookies.map((cookie) => cookie.split('=')[0])).toEqual(['ropc_session', 'ropc_device']);
    const attributesOf = (cookie: string | undefined) =>
      (cookie ?? '')
        .split('; ')
        .slice(1)
        .map((attribute) => attribute.toLowerCase())
        .sort();
    expect(attributesOf(cookies[0])).toEqual([
      'httponly',
      'max-age=1209600',
      'path=/api/auth',
      'samesite=strict',
    ]);
    // The known-device cookie: 180 days, and never the username, even encoded.
    expect(attributesOf(cookies[1])).toEqual([
      'httponly',
      'max-age=15552000',
      'path=/api/auth',
      'samesite=strict',
    ]);
    const device = cookieOf(answer, 'ropc_device').slice('ropc_device='.length);
    const decoded = device
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('utf8'))
      .join('.');
    expect(decoded).not.toMatch(/alice|contoso/iu);
    expect(device.length).toBeLessThan(1024);
    const refreshToken = await refreshTokenInside(sessionCookieOf(answer));
    expect(refreshToken).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);
    expect(answer.text).not.toContain(refreshToken);
    expect(sessionCookieOf(answer).length).toBeLessThan(4096);
  });

  it('marks both cookies Secure by default when the host is not loopback, whatever the scheme says', async () => {
    // As behind a TLS front end that forwards plain HTTP with the public Host.
    const answer = await postWithHost(
      `${api.url}/api/auth/token`,
      'notes.contoso.com',
      { grant_type: 'password', username: ALICE.username, password: ALICE.password, scope: SCOPE },
      { ...XHR, 'X-Forwarded-For': '198.51.100.9' },
    );
    expect(answer.status).toBe(200);
    const cookies = answer.setCookies;
    expect(cookies.map((cookie) => cookie.split('=')[0])).toEqual(['ropc_session', 'ropc_device']);
    for (const cookie of cookies) expect(cookie.toLowerCase().split('; ')).toContain('secure');
  });

  it('answers no CORS, to an allowed origin either: the API is same-origin only', async () => {
    const preflight = await fetch(`${api.url}/api/auth/token`, {
      method: 'OPTIONS',
      headers: {
        Origin: WEB_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-requested-with',
      },
    });
    const simple = await fetch(`${api.url}/api/health`, { headers: { Origin: WEB_ORIGIN } });
    for (const answer of [preflight, simple]) {
      const cors = [...answer.headers.keys()].filter((name) => name.startsWith('access-control-'));
      expect(cors).toEqual([]);
    }
    expect(simple.status).toBe(200);
    expect(preflight.status).toBe(405);
  });

  it('gives an access token that the protected API accepts', async () => {
    const { body } = await signIn(ALICE);
    const me = await fetch(`${api.url}/api/me`, {
      headers: { Authorization: `Bearer ${String(body['access_token'])}` },
    });
    expect(me.status).toBe(200);
    const json = (await me.json()) as Record<string, unknown>;
    expect(json).toEqual({
      oid: ALICE.oid,
      name: 'Alice Contoso',
      emails: ['alice@contoso.com'],
      scopes: ['notes.read', 'notes.write'],
      policy: POLICY,
      authority: `${emulator.url}/${TENANT}/${POLICY}`,
      issuedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it.each([
    ['no X-Requested-With header', { Origin: WEB_ORIGIN }],
    [
      'an origin outside the allow-list',
      { 'X-Requested-With': 'XMLHttpRequest', Origin: 'https://evil.example' },
    ],
  ])('refuses a sign-in with %s: 403 access_denied', async (_case, headers) => {
    const answer = await signIn(ALICE, '198.51.100.2', headers);
    expect(answer.status).toBe(403);
    expect(answer.body['error']).toBe('access_denied');
    expect(codeOf(answer)).toMatch(/^Cross-site request refused/);
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it('refreshes with the cookie, rotating it, and never shows the refresh token', async () => {
    const first = await signIn(ALICE);
    const cookie = sessionCookieOf(first);
    const refreshed = await post(`${api.url}/api/auth/refresh`, undefined, {
      ...XHR,
      Cookie: cookie,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).toBeUndefined();
    expect(typeof refreshed.body['access_token']).toBe('string');
    const next = sessionCookieOf(refreshed);
    expect(next).not.toBe(cookie);
    const [oldToken, newToken] = await Promise.all([
      refreshTokenInside(cookie),
      refreshTokenInside(next),
    ]);
    expect(newToken).not.toBe(oldToken);
    expect(api.output()).not.toContain(oldToken);
    expect(api.output()).not.toContain(newToken);
  });

  it('forwards a refresh scope deduplicated and with openid offline_access, so the session goes on', async () => {
    const first = await signIn(ALICE);
    const repeated = await post(
      `${api.url}/api/auth/refresh`,
      { scope: `${'openid '.repeat(1500)}${NOTES_READ}` },
      { ...XHR, Cookie: sessionCookieOf(first) },
    );
    expect(repeated.status).toBe(200);
    const again = await post(`${api.url}/api/auth/refresh`, undefined, {
      ...XHR,
      Cookie: sessionCookieOf(repeated),
    });
    expect(again.status).toBe(200);
  });

  it('refuses an oversized scope before forwarding: 400 invalid_scope, and the cookie still refreshes', async () => {
    const cookie = sessionCookieOf(await signIn(ALICE));
    const issued = (emulator.output().match(/token issued/gu) ?? []).length;
    const values = Array.from(
      { length: 30 },
      (_, index) => `https://contoso.onmicrosoft.com/api/x${index}`,
    );
    for (const form of [{ scope: values.join(' ') }, { scope: `openid ${'x'.repeat(2000)}` }]) {
      const refused = await post(`${api.url}/api/auth/refresh`, form, { ...XHR, Cookie: cookie });
      expect([refused.status, refused.body['error'], codeOf(refused).slice(0, 11)]).toEqual([
        400,
        'invalid_scope',
        'AADB2C90117',
      ]);
      expect(refused.text.length).toBeLessThan(600);
      expect(refused.headers.getSetCookie()).toEqual([]);
    }
    expect((emulator.output().match(/token issued/gu) ?? []).length).toBe(issued);
    const refreshed = await post(`${api.url}/api/auth/refresh`, undefined, {
      ...XHR,
      Cookie: cookie,
    });
    expect(refreshed.status).toBe(200);
  });

  it.each([
    ['no cookie', undefined],
    ['a garbage cookie', 'ropc_session=garbage'],
    [
      'a cookie sealed with another key',
      'ropc_session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIiwia2lkIjoib3RoZXIifQ..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA',
    ],
  ])('refuses a refresh with %s: 400 invalid_grant AADB2C90129', async (_case, cookie) => {
    const answer = await post(`${api.url}/api/auth/refresh`, undefined, {
      ...XHR,
      ...(cookie ? { Cookie: cookie } : {}),
    });
    expect([answer.status, answer.body['error']]).toEqual([400, 'invalid_grant']);
    expect(codeOf(answer)).toMatch(/^AADB2C90129: /);
  });

  it('signs out: 204, cookie cleared, and the old cookie no longer refreshes', async () => {
    const cookie = sessionCookieOf(await signIn(BOB));
    const out = await post(`${api.url}/api/auth/sign-out`, undefined, { ...XHR, Cookie: cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^ropc_session=; .*Max-Age=0/i);
    const after = await post(`${api.url}/api/auth/refresh`, undefined, { ...XHR, Cookie: cookie });
    expect([after.status, codeOf(after).slice(0, 11)]).toEqual([400, 'AADB2C90129']);
  });

  it('passes B2C refusals through as they are', async () => {
    const answer = await signIn(
      { username: ALICE.username, password: 'not-her-password' },
      '198.51.100.3',
    );
    expect([answer.status, answer.body['error']]).toEqual([400, 'access_denied']);
    expect(codeOf(answer)).toBe(
      'AADB2C90225: The username or password provided in the request are invalid.',
    );
  });

  it('counts an upstream lockout for operators', async () => {
    // Lock bob at the emulator directly, from the proxy's own loopback IP, then ask through the
    // proxy.
    for (let index = 0; index < 10; index++) {
      await post(
        `${emulator.url}/${TENANT}/${POLICY}/oauth2/v2.0/token`,
        {
          grant_type: 'password',
          client_id: '360770b5-7e4f-4765-b292-87b8b2c5964d',
          username: BOB.username,
          password: distinctWrongPassword('wrong', index),
          scope: 'openid',
          response_type: 'id_token',
        },
        {},
      );
    }
    const answer = await signIn(BOB, '198.51.100.4');
    expect(codeOf(answer).slice(0, 11)).toBe('AADB2C90114');
    expect(api.output()).toContain('B2C reported a lockout (AADB2C90114); total 1');
    expect((await emulator.admin('POST', '/.emulator/reset')).status).toBe(204);
  });
});

describe('sign-in proxy when the authority misbehaves', () => {
  let stub: Server;
  let mode:
    | 'fail'
    | 'throttle'
    | 'hang'
    | 'lockout'
    | 'tokens'
    | 'no-refresh-token'
    | 'slow-tokens'
    | 'endless'
    | 'unavailable' = 'fail';
  /** In `slow-tokens` mode the stub answers once this settles. */
  let release: Promise<void> = Promise.resolve();
  let forwarded = 0;
  let api: Started;
  let stubUrl: string;

  const b2cError = (code: string, text: string) =>
    JSON.stringify({
      error: code === 'AADB2C90114' ? 'access_denied' : 'temporarily_unavailable',
      error_description: `${code}: ${text}\r\nCorrelation ID: 4a8b1c2d-0000-4000-8000-000000000000\r\nTimestamp: 2026-12-07 10:00:00Z\r\n`,
    });

  /** B2C's answers the stub gives: status, Retry-After and body. */
  const answers = {
    throttle: [429, '30', b2cError('AADB2C90244', 'There are too many requests at this moment.')],
    lockout: [400, '120', b2cError('AADB2C90114', 'Your account is temporarily locked.')],
    tokens: [
      200,
      undefined,
      JSON.stringify({
        access_token: 'a',
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: 'r',
        refresh_token_expires_in: 1209600,
      }),
    ],
    unavailable: [503, '7', JSON.stringify({ error: 'temporarily_unavailable' })],
    'no-refresh-token': [
      200,
      undefined,
      JSON.stringify({ access_token: 'a', token_type: 'Bearer', expires_in: 3600 }),
    ],
  } as const;

  beforeAll(async () => {
    stub = createServer((request, response) => {
      request.resume();
      forwarded++;
      if (mode === 'hang') return;
      if (mode === 'fail') {
        response.writeHead(500, { 'content-type': 'text/html' });
        response.end('<html>Internal Server Error</html>');
        return;
      }
      if (mode === 'endless') {
        // A 200 whose body never ends: 64 KiB more every few milliseconds until the proxy hangs up.
        response.writeHead(200, { 'content-type': 'application/json' });
        const more = setInterval(() => response.write(' '.repeat(64 * 1024)), 2);
        response.on('close', () => {
          clearInterval(more);
        });
        return;
      }
      if (mode === 'slow-tokens') {
        void release.then(() => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(answers.tokens[2]);
        });
        return;
      }
      const [status, retryAfter, body] = answers[mode];
      response.writeHead(status, {
        'content-type': 'application/json',
        ...(retryAfter ? { 'retry-after': retryAfter } : {}),
      });
      response.end(body);
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    api = await startApi(
      apiEnv(stubUrl, { AUTH_UPSTREAM_TIMEOUT_MS: '500', AUTH_COOKIE_SECURE: 'always' }),
    );
  }, 30_000);

  afterAll(async () => {
    await api.stop();
    stub.closeAllConnections();
    await new Promise((resolve) => stub.close(resolve));
  });

  const attempt = (user: { username: string; password: string } = ALICE) =>
    post(
      `${api.url}/api/auth/token`,
      { grant_type: 'password', username: user.username, password: user.password },
      XHR,
    );

  it('marks both cookies Secure on plain-HTTP localhost too with AUTH_COOKIE_SECURE=always', async () => {
    mode = 'tokens';
    const answer = await attempt({ username: 'olga@contoso.com', password: 'x' });
    expect(answer.status).toBe(200);
    const cookies = answer.headers.getSetCookie();
    expect(cookies.map((cookie) => cookie.split('=')[0])).toEqual(['ropc_session', 'ropc_device']);
    for (const cookie of cookies) expect(cookie.toLowerCase().split('; ')).toContain('secure');
  });

  it('lets a sign-out win over a refresh in flight: the refresh answers 400 and sets no live cookie', async () => {
    mode = 'tokens';
    const cookie = sessionCookieOf(await attempt({ username: 'paul@contoso.com', password: 'x' }));
    let answerRefresh: () => void = () => undefined;
    release = new Promise((resolve) => (answerRefresh = resolve));
    mode = 'slow-tokens';
    const upstreamCalls = forwarded;
    const refreshing = post(`${api.url}/api/auth/refresh`, undefined, { ...XHR, Cookie: cookie });
    while (forwarded === upstreamCalls) await new Promise((resolve) => setTimeout(resolve, 5));
    const out = await post(`${api.url}/api/auth/sign-out`, undefined, { ...XHR, Cookie: cookie });
    expect(out.status).toBe(204);
    answerRefresh();
    const refreshed = await refreshing;
    expect([refreshed.status, codeOf(refreshed).slice(0, 11)]).toEqual([400, 'AADB2C90129']);
    expect(refreshed.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^ropc_session=; .*Max-Age=0/iu),
    ]);
  });

  it('answers 502 server_error when the authority fails with a 5xx', async () => {
    mode = 'fail';
    const answer = await attempt();
    expect([answer.status, answer.body['error']]).toEqual([502, 'server_error']);
    expect(codeOf(answer)).toMatch(/^The sign-in service failed/);
  });

  it('answers 502 server_error, without reading it whole, when the authority answers a body larger than any token response', async () => {
    mode = 'endless';
    const answer = await attempt({ username: 'olga@contoso.com', password: 'x' });
    expect([answer.status, answer.body['error']]).toEqual([502, 'server_error']);
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it('answers 502 server_error when the authority answers tokens without the refresh token the proxy asked for', async () => {
    mode = 'no-refresh-token';
    const answer = await attempt({ username: 'nora@contoso.com', password: 'x' });
    expect([answer.status, answer.body['error']]).toEqual([502, 'server_error']);
    expect(answer.headers.getSetCookie()).toEqual([]);
    expect(answer.text).not.toContain('access_token');
  });

  it("answers 503 temporarily_unavailable with the authority's Retry-After when it answers 503", async () => {
    mode = 'unavailable';
    const answer = await attempt({ username: 'quinn@contoso.com', password: 'x' });
    expect([answer.status, answer.body['error'], answer.headers.get('retry-after')]).toEqual([
      503,
      'temporarily_unavailable',
      '7',
    ]);
    expect(codeOf(answer)).toMatch(/^The sign-in service is unreachable/);
  });

  it('answers 503 temporarily_unavailable when the authority does not answer in time, without hanging', async () => {
    mode = 'hang';
    const answer = await attempt();
    expect([answer.status, answer.body['error']]).toEqual([503, 'temporarily_unavailable']);
    expect(codeOf(answer)).toMatch(/^The sign-in service is unreachable/);
  });

  it("passes a lockout on with its Retry-After, then answers it for that account without forwarding until the authority's time is up", async () => {
    mode = 'lockout';
    const first = await attempt(BOB);
    expect([first.status, codeOf(first).slice(0, 11), first.headers.get('retry-after')]).toEqual([
      400,
      'AADB2C90114',
      '120',
    ]);
    const before = forwarded;
    const again = await attempt({ username: ' BOB@contoso.com', password: BOB.password });
    expect([again.status, again.body['error'], codeOf(again).slice(0, 11)]).toEqual([
      400,
      'access_denied',
      'AADB2C90114',
    ]);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(119);
    expect(forwarded).toBe(before);
    await attempt({ username: 'carol@contoso.com', password: 'not-locked' });
    expect(forwarded).toBe(before + 1);
  });

  it("passes a 429 on with Retry-After and counts it, then holds every sign-in and refresh back for the authority's time", async () => {
    mode = 'tokens';
    const session = sessionCookieOf(await attempt({ username: 'dave@contoso.com', password: 'x' }));
    mode = 'throttle';
    const answer = await attempt({ username: 'erin@contoso.com', password: 'x' });
    expect([answer.status, answer.headers.get('retry-after')]).toEqual([429, '30']);
    expect(api.output()).toContain('B2C throttled the proxy (429); total 1');
    const before = forwarded;
    const held = [
      await attempt({ username: 'frank@contoso.com', password: 'x' }),
      await post(`${api.url}/api/auth/refresh`, undefined, { ...XHR, Cookie: session }),
    ];
    for (const refusal of held) {
      expect([refusal.status, refusal.body['reason'], codeOf(refusal).slice(0, 11)]).toEqual([
        429,
        'throttled',
        'AADB2C90244',
      ]);
      expect(Number(refusal.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
      expect(refusal.headers.getSetCookie()).toEqual([]);
    }
    expect(forwarded).toBe(before);
  });
});
