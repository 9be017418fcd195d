import { CompactEncrypt } from 'jose';
import { startNativeProxyStack, type NativeProxyStack } from './native-proxy-stack';
import {
  EXTERNAL_ALICE,
  EXTERNAL_NOTES_READ,
  EXTERNAL_TENANT,
  SPA_CLIENT_ID,
} from './external-id-sign-in';
import { XHR, cookieOf, post, sessionCookieOf, type Answer } from './proxy-client';
import { ADMIN_KEY, COOKIE_KEYS, WEB_ORIGIN } from './start-stack';

// The native-authentication proxy (/api/auth/native/{*path}) over real HTTP: one emulator serving
// both tenants, a counting relay in front of it as the API's External ID authority (so the tests
// see what was forwarded), one API in cookie mode (pass-through off, the default). Each test uses
// its own accounts and client addresses, so that no limit or budget is shared.

const CARETS = 'password oob redirect';
const OTP_CLIENT_ID = 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47';
const SCOPE = `openid offline_access ${EXTERNAL_NOTES_READ}`;

describe('the native-authentication proxy (cookie mode)', () => {
  let stack: NativeProxyStack;
  let emulator: NativeProxyStack['emulator'];
  let relay: NativeProxyStack['relay'];
  let api: NativeProxyStack['api'];
  let authority: string;

  beforeAll(async () => {
    stack = await startNativeProxyStack({
      AUTH_TRUSTED_HOPS: '1',
      AUTH_UPSTREAM_TIMEOUT_MS: '1500',
      AUTH_NATIVE_CODE_SENDS_ACCOUNT: '3/900',
      AUTH_NATIVE_SIGNUP_IP: '2/3600',
      AUTH_NATIVE_RESET_ACCOUNT: '2/3600',
    });
    ({ emulator, relay, api, authority } = stack);
  }, 60_000);

  afterAll(() => stack.stop());

  /** A call of the native proxy from the browser at `ip`, in cookie mode unless told. */
  const call = (
    path: string,
    form: Record<string, string>,
    ip: string,
    headers: Record<string, string> = XHR,
  ): Promise<Answer> =>
    post(`${api.url}/api/auth/native/${path}`, form, { ...headers, 'X-Forwarded-For': ip });

  const token = (answer: Answer): string => String(answer.body['continuation_token']);

  /** The newest code the emulator sent to `to`. */
  async function codeFor(to: string): Promise<string> {
    const response = await fetch(`${emulator.url}/.emulator/outbox?to=${encodeURIComponent(to)}`, {
      headers: { Authorization: `Bearer ${ADMIN_KEY}` },
    });
    const { messages } = (await response.json()) as { messages: { code: string }[] };
    return messages[0]?.code ?? '';
  }

  /** A new user of the External ID tenant: with a password, or code-only. */
  async function newUser(
    name: string,
    codeOnly = false,
  ): Promise<{ username: string; password: string }> {
    const username = `${name}@contoso.com`;
    const password = `${name[0]?.toUpperCase()}${name.slice(1)}-Passw0rd!`;
    const created = await emulator.admin('POST', `/v1.0/users?tenant=${EXTERNAL_TENANT}`, {
      displayName: name,
      identities: [
        { signInType: 'emailAddress', issuer: EXTERNAL_TENANT, issuerAssignedId: username },
      ],
      ...(codeOnly ? {} : { passwordProfile: { password, forceChangePasswordNextSignIn: false } }),
    });
    expect(created.status).toBe(201);
    return { username, password };
  }

  /** initiate → challenge for `username`; the answer of the challenge. */
  async function challenge(username: string, ip: string): Promise<Answer> {
    const initiated = await call('oauth2/v2.0/initiate', { username, challenge_type: CARETS }, ip);
    expect(initiated.status).toBe(200);
    return call(
      'oauth2/v2.0/challenge',
      { continuation_token: token(initiated), challenge_type: CARETS },
      ip,
    );
  }

  it('signs alice in with her password (initiate → challenge → token): the tokens minus the refresh token, a session cookie; /api/auth/refresh refreshes it at External ID and /api/me names that authority', async () => {
    const ip = '198.51.100.1';
    const initiated = await call(
      'oauth2/v2.0/initiate',
      { client_id: SPA_CLIENT_ID, username: EXTERNAL_ALICE.username, challenge_type: CARETS },
      ip,
    );
    expect(initiated.status).toBe(200);
    expect(initiated.headers.get('cache-control')).toBe('no-store');
    expect(initiated.headers.get('x-ms-request-id')).toBeTruthy();
    expect(initiated.headers.get('access-control-allow-origin')).toBeNull();
    // The proxy's wrapper (a JWE of five parts), never the authority's own token.
    expect(token(initiated).split('.')).toHaveLength(5);
    const challenged = await call(
      'oauth2/v2.0/challenge',
      { continuation_token: token(initiated), challenge_type: CARETS },
      ip,
    );
    expect(challenged.body).toMatchObject({ challenge_type: 'password' });
    expect(token(challenged).split('.')).toHaveLength(5);
    const signedIn = await call(
      'oauth2/v2.0/token',
      {
        continuation_token: token(challenged),
        grant_type: 'password',
        password: EXTERNAL_ALICE.password,
        scope: SCOPE,
        client_info: '1',
      },
      ip,
    );
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    expect(signedIn.body).toHaveProperty('access_token');
    expect(signedIn.body).toHaveProperty('id_token');
    expect(signedIn.body).not.toHaveProperty('refresh_token');
    expect(signedIn.text).not.toContain('refresh_token"');
    const session = sessionCookieOf(signedIn);
    expect(session).toMatch(/^ropc_session=.+/);
    expect(cookieOf(signedIn, 'ropc_device')).toMatch(/^ropc_device=.+/);

    const refreshed = await post(`${api.url}/api/auth/refresh`, undefined, {
      ...XHR,
      Cookie: session,
      'X-Forwarded-For': ip,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toHaveProperty('access_token');
    expect(refreshed.body).not.toHaveProperty('refresh_token');
    expect(sessionCookieOf(refreshed)).toMatch(/^ropc_session=.+/);

    const me = await fetch(`${api.url}/api/me`, {
      headers: { Authorization: `Bearer ${String(refreshed.body['access_token'])}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      oid: EXTERNAL_ALICE.oid,
      authority,
      policy: null,
    });

    // Sign-out ends the External ID session as a B2C one: its cookie refreshes no more.
    const rotated = sessionCookieOf(refreshed);
    const signedOut = await post(`${api.url}/api/auth/sign-out`, undefined, {
      ...XHR,
      Cookie: rotated,
    });
    expect(signedOut.status).toBe(204);
    const before = relay.count('/oauth2/v2.0/token');
    const ended = await post(`${api.url}/api/auth/refresh`, undefined, {
      ...XHR,
      Cookie: rotated,
      'X-Forwarded-For': ip,
    });
    expect(ended.status).toBe(400);
    expect(ended.body).toMatchObject({ error: 'invalid_grant' });
    expect(relay.count('/oauth2/v2.0/token')).toBe(before);
  });

  it('keeps its connection to the authority alive: two sign-ins, six calls, one connection', async () => {
    const ip = '198.51.100.11';
    const connections = relay.watchConnections('/oauth2/v2.0/');
    for (let signIn = 0; signIn < 2; signIn++) {
      const challenged = await challenge(EXTERNAL_ALICE.username, ip);
      const signedIn = await call(
        'oauth2/v2.0/token',
        {
          continuation_token: token(challenged),
          grant_type: 'password',
          password: EXTERNAL_ALICE.password,
          scope: SCOPE,
        },
        ip,
      );
      expect(signedIn.status).toBe(200);
    }
    expect(connections()).toBe(1);
  });

  it('signs carol in with a code from the outbox (the oob grant)', async () => {
    const ip = '198.51.100.2';
    const challenged = await challenge('carol@contoso.com', ip);
    expect(challenged.status).toBe(200);
    expect(challenged.body).toMatchObject({ challenge_type: 'oob' });
    const signedIn = await call(
      'oauth2/v2.0/token',
      {
        continuation_token: token(challenged),
        grant_type: 'oob',
        oob: await codeFor('carol@contoso.com'),
        scope: SCOPE,
      },
      ip,
    );
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).not.toHaveProperty('refresh_token');
    expect(sessionCookieOf(signedIn)).toMatch(/^ropc_session=.+/);
  });

  it('signs a new user up through the proxy and signs them in with the continuation token grant', async () => {
    const ip = '198.51.100.3';
    const username = 'erin.native@contoso.com';
    const started = await call(
      'signup/v1.0/start',
      {
        username,
        password: 'Erin-Native-Passw0rd!',
        attributes: JSON.stringify({ displayName: 'Erin' }),
        challenge_type: CARETS,
      },
      ip,
    );
    expect(started.status).toBe(200);
    const challenged = await call(
      'signup/v1.0/challenge',
      { continuation_token: token(started), challenge_type: CARETS },
      ip,
    );
    expect(challenged.body).toMatchObject({ challenge_type: 'oob' });
    const continued = await call(
      'signup/v1.0/continue',
      {
        continuation_token: token(challenged),
        grant_type: 'oob',
        oob: await codeFor(username),
      },
      ip,
    );
    expect(continued.status).toBe(200);
    const signedIn = await call(
      'oauth2/v2.0/token',
      {
        continuation_token: token(continued),
        grant_type: 'continuation_token',
        username,
        scope: SCOPE,
      },
      ip,
    );
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).not.toHaveProperty('refresh_token');
    expect(sessionCookieOf(signedIn)).toMatch(/^ropc_session=.+/);
  });

  it("resets a user's password through the proxy (start → challenge → continue → submit → poll_completion) and signs them in", async () => {
    const ip = '198.51.100.4';
    const user = await newUser('frank');
    const started = await call(
      'resetpassword/v1.0/start',
      { username: user.username, challenge_type: CARETS },
      ip,
    );
    expect(started.status).toBe(200);
    const challenged = await call(
      'resetpassword/v1.0/challenge',
      { continuation_token: token(started), challenge_type: CARETS },
      ip,
    );
    expect(challenged.body).toMatchObject({ challenge_type: 'oob' });
    const continued = await call(
      'resetpassword/v1.0/continue',
      {
        continuation_token: token(challenged),
        grant_type: 'oob',
        oob: await codeFor(user.username),
      },
      ip,
    );
    expect(continued.status).toBe(200);
    const submitted = await call(
      'resetpassword/v1.0/submit',
      { continuation_token: token(continued), new_password: 'Zq9-New-Secret!x' },
      ip,
    );
    expect(submitted.status).toBe(200);
    let polled = await call(
      'resetpassword/v1.0/poll_completion',
      { continuation_token: token(submitted) },
      ip,
    );
    for (let tries = 0; polled.body['status'] !== 'succeeded' && tries < 10; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      polled = await call(
        'resetpassword/v1.0/poll_completion',
        { continuation_token: token(submitted) },
        ip,
      );
    }
    expect(polled.body).toMatchObject({ status: 'succeeded' });
    const signedIn = await call(
      'oauth2/v2.0/token',
      {
        continuation_token: token(polled),
        grant_type: 'continuation_token',
        username: user.username,
        scope: SCOPE,
      },
      ip,
    );
    expect(signedIn.status).toBe(200);
    expect(sessionCookieOf(signedIn)).toMatch(/^ropc_session=.+/);
  });

  describe('continuation-token wrappers: a missing, foreign, tampered, expired or misbound one is invalid_grant and never forwarded', () => {
    const key = Buffer.from(COOKIE_KEYS.split(':')[1] ?? '', 'base64');
    const kid = COOKIE_KEYS.split(':')[0] ?? '';
    const seal = (payload: Record<string, unknown>, typ = 'ropc-native-ct'): Promise<string> =>
      new CompactEncrypt(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid, typ })
        .encrypt(key);

    async function upstreamToken(): Promise<string> {
      const response = await fetch(`${emulator.url}/${EXTERNAL_TENANT}/oauth2/v2.0/initiate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: SPA_CLIENT_ID,
          username: EXTERNAL_ALICE.username,
          challenge_type: CARETS,
        }).toString(),
      });
      return String(((await response.json()) as Record<string, unknown>)['continuation_token']);
    }

    it.each([
      ['missing', () => Promise.resolve(undefined)],
      ["the authority's own token", upstreamToken],
      [
        'tampered',
        async () => {
          const initiated = await call(
            'oauth2/v2.0/initiate',
            { username: EXTERNAL_ALICE.username, challenge_type: CARETS },
            '198.51.100.5',
          );
          const parts = token(initiated).split('.');
          const cipher = parts[3] ?? '';
          parts[3] = `${cipher[0] === 'A' ? 'B' : 'A'}${cipher.slice(1)}`;
          return parts.join('.');
        },
      ],
      [
        'expired',
        async () =>
          seal({
            ct: await upstreamToken(),
            usr: 'alice@contoso.com',
            flow: 'sign_in',
            mode: 'cookie',
            exp: Math.floor(Date.now() / 1000) - 1,
          }),
      ],
      [
        'of another flow',
        async () =>
          seal({
            ct: await upstreamToken(),
            usr: 'alice@contoso.com',
            flow: 'sign_up',
            mode: 'cookie',
            exp: Math.floor(Date.now() / 1000) + 300,
          }),
      ],
      [
        'of the other mode',
        async () =>
          seal({
            ct: await upstreamToken(),
            usr: 'alice@contoso.com',
            flow: 'sign_in',
            mode: 'passthrough',
            exp: Math.floor(Date.now() / 1000) + 300,
          }),
      ],
      [
        'sealed under another key',
        async () =>
          new CompactEncrypt(new TextEncoder().encode('{}'))
            .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid, typ: 'ropc-native-ct' })
            .encrypt(new Uint8Array(32)),
      ],
    ])('%s', async (_name, make) => {
      const wrapper = await make();
      const before = relay.count('/oauth2/v2.0/challenge');
      const answer = await call(
        'oauth2/v2.0/challenge',
        {
          ...(wrapper === undefined ? {} : { continuation_token: wrapper }),
          challenge_type: CARETS,
        },
        '198.51.100.6',
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'invalid_grant', error_codes: [55200] });
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(relay.count('/oauth2/v2.0/challenge')).toBe(before);
    });
  });

  it('refuses another client_id with unauthorized_client, without forwarding', async () => {
    const before = relay.total();
    const answer = await call(
      'oauth2/v2.0/initiate',
      { client_id: OTP_CLIENT_ID, username: EXTERNAL_ALICE.username, challenge_type: CARETS },
      '198.51.100.7',
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'unauthorized_client' });
    expect(relay.total()).toBe(before);
  });

  it.each([
    'oauth2/v2.0/authorize',
    'oauth2/v2.0/initiate/extra',
    'register/v1.0/introspect',
    'OAUTH2/v2.0/initiate/../token',
    'v2.0/.well-known/openid-configuration',
  ])('answers 404 for %s, which is no V1 endpoint', async (path) => {
    const before = relay.total();
    const answer = await call(path, { username: EXTERNAL_ALICE.username }, '198.51.100.8');
    expect(answer.status).toBe(404);
    expect(relay.total()).toBe(before);
  });

  it('refuses cross-site calls: X-Requested-With from a foreign origin, and no X-Requested-With while pass-through is off', async () => {
    const form = { username: EXTERNAL_ALICE.username, challenge_type: CARETS };
    const before = relay.total();
    const foreign = await call('oauth2/v2.0/initiate', form, '198.51.100.9', {
      'X-Requested-With': 'XMLHttpRequest',
      Origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.getSetCookie()).toEqual([]);
    const sdk = await call('oauth2/v2.0/initiate', form, '198.51.100.9', {
      Origin: WEB_ORIGIN,
    });
    expect(sdk.status).toBe(403);
    expect(sdk.body).toMatchObject({ error: 'access_denied' });
    expect(relay.total()).toBe(before);
  });

  it('answers no CORS, a preflight included', async () => {
    const preflight = await fetch(`${api.url}/api/auth/native/oauth2/v2.0/initiate`, {
      method: 'OPTIONS',
      headers: {
        Origin: WEB_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-requested-with',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it("keeps one account's wrong passwords below the authority's threshold however many addresses send them", async () => {
    const user = await newUser('grace');
    const before = relay.count('/oauth2/v2.0/token');
    // One continuation token, retried from fifteen addresses (the authority accepts a retried
    // password with the same token).
    const challenged = await challenge(user.username, '203.0.113.9');
    const answers: Answer[] = [];
    for (let n = 0; n < 15; n++)
      answers.push(
        await call(
          'oauth2/v2.0/token',
          {
            continuation_token: token(challenged),
            grant_type: 'password',
            password: `Wrong-${n}-Passw0rd!`,
            scope: SCOPE,
          },
          `203.0.113.${10 + n}`,
        ),
      );
    const forwarded = relay.count('/oauth2/v2.0/token') - before;
    // The anonymous budget (4 by default): far below the threshold of 10.
    expect(forwarded).toBe(4);
    expect(answers.slice(0, 4).map((answer) => answer.body['error'])).toEqual(
      Array(4).fill('invalid_grant'),
    );
    expect(answers.slice(4).map((answer) => answer.status)).toEqual(Array(11).fill(429));
    for (const refused of answers.filter((answer) => answer.status === 429))
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The account is not locked at the authority: its own password still works there.
    const direct = await fetch(`${emulator.url}/${EXTERNAL_TENANT}/oauth2/v2.0/initiate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: SPA_CLIENT_ID,
        username: user.username,
        challenge_type: CARETS,
      }).toString(),
    });
    expect(direct.status).toBe(200);
  });

  it('limits code sends per account: 429 with Retry-After, not forwarded', async () => {
    const user = await newUser('heidi', true);
    const initiated = await call(
      'oauth2/v2.0/initiate',
      { username: user.username, challenge_type: CARETS },
      '203.0.113.40',
    );
    // A resend is a new challenge with the last challenge's token, as MSAL does.
    const statuses: number[] = [];
    let last = initiated;
    for (let n = 0; n < 3; n++) {
      last = await call(
        'oauth2/v2.0/challenge',
        { continuation_token: token(last), challenge_type: CARETS },
        `203.0.113.${41 + n}`,
      );
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    const before = relay.count('/oauth2/v2.0/challenge');
    const over = await call(
      'oauth2/v2.0/challenge',
      { continuation_token: token(last), challenge_type: CARETS },
      '203.0.113.50',
    );
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(relay.count('/oauth2/v2.0/challenge')).toBe(before);
  });

  it("does not count a password user's sign-in challenges, which send no code, against the account's code sends", async () => {
    const user = await newUser('kim');
    for (let n = 0; n < 5; n++) {
      const challenged = await challenge(user.username, `203.0.113.${80 + n}`);
      expect(challenged.status).toBe(200);
      expect(challenged.body).toMatchObject({ challenge_type: 'password' });
    }
  });

  it('limits sign-up starts per client address: 429 with Retry-After, not forwarded', async () => {
    const ip = '203.0.113.60';
    const start = (n: number) =>
      call(
        'signup/v1.0/start',
        { username: `signup-${n}@contoso.com`, challenge_type: CARETS },
        ip,
      );
    expect((await start(1)).status).toBe(200);
    expect((await start(2)).status).toBe(200);
    const before = relay.count('/signup/v1.0/start');
    const over = await start(3);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(relay.count('/signup/v1.0/start')).toBe(before);
    // Another address still may.
    expect(
      (
        await call(
          'signup/v1.0/start',
          { username: 'signup-4@contoso.com', challenge_type: CARETS },
          '203.0.113.61',
        )
      ).status,
    ).toBe(200);
  });

  it('limits password-reset starts per account, whatever the address; an unknown account is limited alike', async () => {
    for (const username of ['ivan.reset@contoso.com', 'nobody.reset@contoso.com']) {
      if (username.startsWith('ivan')) await newUser('ivan.reset');
      const start = (ip: string) =>
        call('resetpassword/v1.0/start', { username, challenge_type: CARETS }, ip);
      await start('203.0.113.70');
      await start('203.0.113.71');
      const before = relay.count('/resetpassword/v1.0/start');
      const over = await start('203.0.113.72');
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(relay.count('/resetpassword/v1.0/start')).toBe(before);
    }
  });

  it('refuses the refresh_token grant in cookie mode (sessions refresh at /api/auth/refresh)', async () => {
    const before = relay.total();
    const answer = await call(
      'oauth2/v2.0/token',
      { grant_type: 'refresh_token', refresh_token: 'anything', scope: SCOPE },
      '198.51.100.10',
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'unsupported_grant_type' });
    expect(relay.total()).toBe(before);
  });

  it('answers 503 with Retry-After in the native-auth envelope when the authority does not answer in time', async () => {
    const user = await newUser('judy');
    const challenged = await challenge(user.username, '198.51.100.20');
    emulator.pause();
    try {
      const answer = await call(
        'oauth2/v2.0/token',
        {
          continuation_token: token(challenged),
          grant_type: 'password',
          password: user.password,
          scope: SCOPE,
        },
        '198.51.100.20',
      );
      expect(answer.status).toBe(503);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.body).toMatchObject({ error: 'temporarily_unavailable', error_codes: [] });
      expect(typeof answer.body['trace_id']).toBe('string');
    } finally {
      emulator.resume();
    }
  });

  // Last in the file: the back-off holds every call of this API instance while it lasts.
  it("backs off after the authority's 429: every call is refused for its Retry-After without being forwarded, then goes through again", async () => {
    relay.answerNextWith({
      status: 429,
      headers: { 'Retry-After': '2' },
      body: {
        error: 'temporarily_unavailable',
        error_description: 'AADSTS90055: Too many requests.',
        error_codes: [90055],
      },
    });
    const throttled = await call(
      'oauth2/v2.0/initiate',
      { username: 'kim@contoso.com', challenge_type: CARETS },
      '198.51.100.30',
    );
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '2']);
    const reached = relay.total();

    const held = await call(
      'oauth2/v2.0/initiate',
      { username: 'alice@contoso.com', challenge_type: CARETS },
      '198.51.100.31',
    );
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(held.body).toMatchObject({ error: 'temporarily_unavailable', suberror: 'throttled' });
    expect(relay.total()).toBe(reached);

    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const after = await call(
      'oauth2/v2.0/initiate',
      { username: 'alice@contoso.com', challenge_type: CARETS },
      '198.51.100.31',
    );
    expect(after.status).toBe(200);
    expect(relay.total()).toBe(reached + 1);
  });
});
