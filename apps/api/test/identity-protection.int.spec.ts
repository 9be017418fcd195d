// The sign-in proxy as the identity protection of browser users (docs/architecture.md, "The sign-in
// proxy"): per-account failure budgets reserved before forwarding, known devices, and revocations —
// over real HTTP against the real emulator, whose smart lockout is what must never trip.
import {
  XHR,
  SCOPE,
  codeOf,
  cookieOf,
  distinctWrongPassword,
  post,
  sessionCookieOf,
  type Answer,
} from './proxy-client';
import {
  CLIENT_ID,
  POLICY,
  TENANT,
  apiEnv,
  startApi,
  startEmulator,
  type Started,
} from './start-stack';

type Emulator = Started & {
  admin(method: string, path: string, body?: unknown): Promise<Response>;
};

describe('sign-in proxy identity protection', () => {
  let emulator: Emulator;
  let api: Started;

  beforeAll(async () => {
    emulator = await startEmulator();
    // One trusted hop: X-Forwarded-For names the browser, as behind the web origin.
    api = await startApi(apiEnv(emulator.url, { AUTH_TRUSTED_HOPS: '1' }));
  }, 30_000);

  afterAll(async () => {
    await api.stop();
    await emulator.stop();
  });

  /** A new account at the emulator (Graph-shaped admin API), so that no test shares a budget. */
  async function newUser(
    name: string,
  ): Promise<{ username: string; password: string; id: string }> {
    const username = `${name}@contoso.com`;
    const password = `${name[0]?.toUpperCase()}${name.slice(1)}-Passw0rd!`;
    const created = await emulator.admin('POST', '/v1.0/users', {
      displayName: name,
      identities: [{ signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: username }],
      passwordProfile: { password, forceChangePasswordNextSignIn: false },
      passwordPolicies: 'DisablePasswordExpiration',
    });
    expect(created.status).toBe(201);
    return { username, password, id: ((await created.json()) as { id: string }).id };
  }

  const signIn = (
    user: { username: string; password: string },
    ip: string,
    cookie?: string,
  ): Promise<Answer> =>
    post(
      `${api.url}/api/auth/token`,
      { grant_type: 'password', username: user.username, password: user.password, scope: SCOPE },
      { ...XHR, 'X-Forwarded-For': ip, ...(cookie ? { Cookie: cookie } : {}) },
    );

  /** The password grant straight at the emulator, from the proxy's own (loopback) address. */
  const signInDirectly = (user: { username: string; password: string }): Promise<Answer> =>
    post(
      `${emulator.url}/${TENANT}/${POLICY}/oauth2/v2.0/token`,
      {
        grant_type: 'password',
        client_id: CLIENT_ID,
        username: user.username,
        password: user.password,
        scope: 'openid',
        response_type: 'id_token',
      },
      {},
    );

  /** How many wrong passwords the emulator has verified so far. */
  const verifiedWrongPasswords = (): number =>
    emulator.output().match(/token refused AADB2C90225/gu)?.length ?? 0;

  it('lets at most the anonymous budget of 40 concurrent wrong passwords from four clients reach the authority, which never locks the account, and the owner signs in from a known device at once', async () => {
    const owner = await newUser('grace');
    const known = await signIn(owner, '198.51.100.10');
    expect(known.status).toBe(200);
    const device = cookieOf(known, 'ropc_device');
    const before = verifiedWrongPasswords();

    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        signIn(
          { username: owner.username, password: distinctWrongPassword('guess', index) },
          `203.0.113.${index % 4}`,
        ),
      ),
    );

    const outcomes = answers.map((answer) => `${answer.status} ${codeOf(answer).slice(0, 11)}`);
    expect(outcomes.filter((outcome) => outcome === '400 AADB2C90225')).toHaveLength(4);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(36);
    for (const answer of refused) {
      expect([answer.body['error'], codeOf(answer).slice(0, 11)]).toEqual([
        'temporarily_unavailable',
        'AADB2C90244',
      ]);
      expect(answer.headers.getSetCookie()).toEqual([]);
      // While the four admitted guesses are in flight the rest are told to wait a second; once
      // they have failed, that the account is protected for the failure memory.
      const wait = Number(answer.headers.get('retry-after'));
      expect(answer.body['reason'] === 'throttled' ? wait === 1 : wait > 86_000).toBe(true);
    }
    expect(outcomes.some((outcome) => outcome.endsWith('AADB2C90114'))).toBe(false);
    expect(verifiedWrongPasswords() - before).toBe(4);

    // The owner's known device has its own budget; a new device must wait.
    const fromKnownDevice = await signIn(owner, '198.51.100.10', device);
    expect(fromKnownDevice.status).toBe(200);
    const fromNewDevice = await signIn(owner, '198.51.100.11');
    expect([fromNewDevice.status, fromNewDevice.body['reason']]).toEqual([
      429,
      'account_protected',
    ]);
    // The authority never locked the account.
    expect((await signInDirectly(owner)).status).toBe(200);
  });

  it("limits a known device's own failures, and anonymous failures cannot spend them", async () => {
    const owner = await newUser('heidi');
    const device = cookieOf(await signIn(owner, '198.51.100.20'), 'ropc_device');
    const wrong = (index: number, cookie?: string) =>
      signIn(
        { username: owner.username, password: distinctWrongPassword('typo', index) },
        '198.51.100.20',
        cookie,
      );
    // Two failures on the device's budget, then the anonymous budget's four, then nothing.
    const statuses = [];
    for (let index = 0; index < 7; index++) statuses.push((await wrong(index, device)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 429]);
    const last = await wrong(7, device);
    expect([last.status, last.body['reason']]).toEqual([429, 'throttled']);
    expect((await signInDirectly(owner)).status).toBe(200);
  });

  it('forgets the failures the authority forgets: a success resets the budgets, as smart lockout does', async () => {
    const owner = await newUser('ivan');
    for (let round = 0; round < 3; round++) {
      for (let index = 0; index < 3; index++) {
        const answer = await signIn(
          { username: owner.username, password: distinctWrongPassword(`round${round}`, index) },
          '198.51.100.30',
        );
        expect(answer.status).toBe(400);
      }
      expect((await signIn(owner, '198.51.100.30')).status).toBe(200);
    }
  });

  it('ends trust in every known device when the authority revokes the sessions', async () => {
    const owner = await newUser('judy');
    const first = await signIn(owner, '198.51.100.40');
    const device = cookieOf(first, 'ropc_device');
    const revoked = await emulator.admin('POST', `/v1.0/users/${owner.id}/revokeSignInSessions`);
    expect(revoked.status).toBe(200);
    const refresh = await post(`${api.url}/api/auth/refresh`, undefined, {
      ...XHR,
      'X-Forwarded-For': '198.51.100.40',
      Cookie: sessionCookieOf(first),
    });
    expect([refresh.status, codeOf(refresh).slice(0, 11)]).toEqual([400, 'AADB2C90129']);
    for (let index = 0; index < 4; index++)
      await signIn(
        { username: owner.username, password: distinctWrongPassword('x', index) },
        `192.0.2.${index}`,
      );
    const fromOldDevice = await signIn(owner, '198.51.100.40', device);
    expect([fromOldDevice.status, fromOldDevice.body['reason']]).toEqual([
      429,
      'account_protected',
    ]);
  });
});
