import {
  classifyNativeAuthFailure,
  nativeAuthRefreshTokenRequest,
} from '@ropc/protocol/native-auth';
import { distinctWrongPassword, startEmulator, type RunningEmulator } from '../start-emulator';
import {
  ALICE,
  BOB,
  EXTERNAL_TENANT,
  NativeAuthTestClient,
  PASSWORD_APP_TYPES,
  PROTECTION_TENANT_FILE,
  SPA_CLIENT_ID,
  errorSummary,
  expectError,
  expectSuccess,
  resetEmulator,
  setClock,
} from './native-auth-client';

/** The fixture's smart-lockout threshold and per-IP limit (30 requests per 300 s). */
const THRESHOLD = 3;
const IP_REQUEST_LIMIT = 30;

const LOCKED = { status: 400, error: 'invalid_grant', codes: [50053], kind: 'locked' };

describe('External ID native authentication: smart lockout and request limits', () => {
  let emulator: RunningEmulator;
  let clients: NativeAuthTestClient[] = [];
  let ipCounter = 0;

  /** A client from an address of its own: the per-IP limit of one test never meets another's. */
  const newClient = (): NativeAuthTestClient => {
    const client = new NativeAuthTestClient(emulator, EXTERNAL_TENANT, {
      'X-Forwarded-For': `203.0.113.${String(++ipCounter)}`,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    // One trusted hop: X-Forwarded-For names the client, as a reverse proxy in front would.
    emulator = await startEmulator({
      tenantFile: PROTECTION_TENANT_FILE,
      flags: ['--trusted-hops', '1'],
    });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    await resetEmulator(emulator);
  });

  const wrongPasswords = async (client: NativeAuthTestClient, token: string, count: number) => {
    const codes: number[][] = [];
    for (let index = 0; index < count; index++)
      codes.push([
        ...expectError(
          await client.passwordGrant(
            SPA_CLIENT_ID,
            token,
            distinctWrongPassword('Wrong-Bob', index),
          ),
        ).error.errorCodes,
      ]);
    return codes;
  };

  it(`locks the account after ${String(THRESHOLD)} distinct wrong passwords: invalid_grant 50053 with Retry-After, even for the right password`, async () => {
    const client = newClient();
    const token = await client.passwordChallengeToken(SPA_CLIENT_ID, BOB.username);
    expect(await wrongPasswords(client, token, THRESHOLD)).toEqual([[50126], [50126], [50053]]);
    const right = expectError(await client.passwordGrant(SPA_CLIENT_ID, token, BOB.password));
    expect(errorSummary(right)).toEqual(LOCKED);
    expect(right.headers.get('retry-after')).toBe('60');
    expect(right.error.retryAfterSeconds).toBe(60);
  });

  it('locks per account whatever the address: another client IP is refused too', async () => {
    const attacker = newClient();
    const token = await attacker.passwordChallengeToken(SPA_CLIENT_ID, BOB.username);
    await wrongPasswords(attacker, token, THRESHOLD);
    const owner = newClient();
    const ownToken = await owner.passwordChallengeToken(SPA_CLIENT_ID, BOB.username);
    expect(
      errorSummary(expectError(await owner.passwordGrant(SPA_CLIENT_ID, ownToken, BOB.password))),
    ).toEqual(LOCKED);
    // Another account is not locked.
    await owner.signInWithPassword(SPA_CLIENT_ID, ALICE.username, ALICE.password);
  });

  it('counts the same wrong password once however often it is repeated', async () => {
    const client = newClient();
    const token = await client.passwordChallengeToken(SPA_CLIENT_ID, BOB.username);
    for (let repeat = 0; repeat < 6; repeat++)
      expect(
        expectError(await client.passwordGrant(SPA_CLIENT_ID, token, 'Same-Wrong-Passw0rd')).error
          .errorCodes,
      ).toEqual([50126]);
    expectSuccess(await client.passwordGrant(SPA_CLIENT_ID, token, BOB.password));
  });

  it('unlocks after the lock period', async () => {
    const client = newClient();
    const token = await client.passwordChallengeToken(SPA_CLIENT_ID, BOB.username);
    await wrongPasswords(client, token, THRESHOLD);
    await setClock(emulator, 61);
    expectSuccess(await client.passwordGrant(SPA_CLIENT_ID, token, BOB.password));
  });

  it(`lets at most ${String(THRESHOLD)} of 20 concurrent distinct wrong passwords be verified; the right password behind them is refused`, async () => {
    const client = newClient();
    const token = await client.passwordChallengeToken(SPA_CLIENT_ID, BOB.username);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        client.passwordGrant(SPA_CLIENT_ID, token, distinctWrongPassword('Burst', index)),
      ),
    );
    const codes = replies.map((reply) => expectError(reply).error.errorCodes[0]);
    // A verified wrong password answers 50126, or 50053 when it is the one that locks; an attempt
    // refused before verification answers 50053.
    expect(codes.filter((code) => code === 50126).length).toBeLessThanOrEqual(THRESHOLD - 1);
    expect(codes.filter((code) => code === 50053).length).toBeGreaterThanOrEqual(
      20 - (THRESHOLD - 1),
    );
    expect(codes.every((code) => code === 50126 || code === 50053)).toBe(true);
    expect(
      errorSummary(expectError(await client.passwordGrant(SPA_CLIENT_ID, token, BOB.password))),
    ).toEqual(LOCKED);
  });

  it(`answers 429 with Retry-After after ${String(IP_REQUEST_LIMIT)} requests from one client IP; another IP is still served`, async () => {
    const client = newClient();
    for (let index = 0; index < IP_REQUEST_LIMIT; index++)
      expect(
        (await client.initiate(SPA_CLIENT_ID, 'nobody@contoso.com', PASSWORD_APP_TYPES)).status,
      ).toBe(400);
    const reply = await client.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES);
    expect(reply.status).toBe(429);
    const read = expectError(reply);
    expect(errorSummary(read)).toEqual({
      status: 429,
      error: 'temporarily_unavailable',
      codes: [90055],
      kind: 'throttled',
    });
    const retryAfter = Number(reply.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    if (reply.outcome.kind !== 'success')
      expect(classifyNativeAuthFailure(reply.outcome)).toBe('throttled');
    // Every endpoint shares the limit, the token endpoint too.
    expect(
      (
        await client.passwordGrant(
          SPA_CLIENT_ID,
          'throttled-token-0123456789',
          'Throttled-Passw0rd!',
        )
      ).status,
    ).toBe(429);
    expectSuccess(await newClient().initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES));
  });

  describe('account states and refresh-token reuse', () => {
    const ERIN = { username: 'erin@contoso.com', password: 'Erin-Passw0rd!' };
    const FRANK = { username: 'frank@contoso.com', password: 'Frank-Passw0rd!' };

    it('answers invalid_request 50142 (password_reset_required) to the right password of a user who must change it; a reset clears it', async () => {
      const client = newClient();
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, ERIN.username);
      const wrong = expectError(
        await client.passwordGrant(SPA_CLIENT_ID, token, 'Not-Erins-Passw0rd'),
      );
      expect(wrong.kind).toBe('invalid_password');
      const read = expectError(await client.passwordGrant(SPA_CLIENT_ID, token, ERIN.password));
      expect(errorSummary(read)).toEqual({
        status: 400,
        error: 'invalid_request',
        codes: [50142],
        kind: 'password_reset_required',
      });
      const signInToken = await client.resetPassword(
        SPA_CLIENT_ID,
        ERIN.username,
        'Renewed-Passw0rd-3!',
      );
      expectSuccess(await client.continuationGrant(SPA_CLIENT_ID, signInToken, ERIN.username));
      await client.signInWithPassword(SPA_CLIENT_ID, ERIN.username, 'Renewed-Passw0rd-3!');
    });

    it('answers invalid_grant 50057 to the right password of a disabled account', async () => {
      const client = newClient();
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, FRANK.username);
      const read = expectError(await client.passwordGrant(SPA_CLIENT_ID, token, FRANK.password));
      expect(errorSummary(read)).toEqual({
        status: 400,
        error: 'invalid_grant',
        codes: [50057],
        kind: 'other',
      });
    });

    it('with reuseDetection on, a redeemed refresh token used again revokes the family (invalid_grant 50173)', async () => {
      const client = newClient();
      const signedIn = await client.signInWithPassword(
        SPA_CLIENT_ID,
        ALICE.username,
        ALICE.password,
      );
      const refresh = (refreshToken: string) =>
        client.call('token', nativeAuthRefreshTokenRequest(SPA_CLIENT_ID, { refreshToken }));
      const next = expectSuccess(await refresh(signedIn.refresh_token));
      const reused = expectError(await refresh(signedIn.refresh_token));
      expect(errorSummary(reused)).toEqual({
        status: 400,
        error: 'invalid_grant',
        codes: [50173],
        kind: 'other',
      });
      expect(errorSummary(expectError(await refresh(next.refresh_token)))).toMatchObject({
        codes: [50173],
      });
    });
  });

  it('never writes a password, code or token to its output', () => {
    expect(clients.flatMap((client) => client.leakedSecrets())).toEqual([]);
    clients = [];
  });
});
