import {
  maskEmailAddress,
  nativeAuthRefreshTokenRequest,
  resetPasswordContinueRequest,
} from '@ropc/protocol/native-auth';
import { distinctWrongPassword, startEmulator, type RunningEmulator } from '../start-emulator';
import {
  ALICE,
  BOB,
  CAROL,
  EXTERNAL_ID_TENANT_FILE,
  NativeAuthTestClient,
  OTP_CLIENT_ID,
  SPA_CLIENT_ID,
  errorSummary,
  expectError,
  expectRedirect,
  expectSuccess,
  jwtPayload,
  resetEmulator,
} from './native-auth-client';

const NEW_PASSWORD = 'Bob-Renewed-Passw0rd!';

describe('External ID native authentication: password reset', () => {
  let emulator: RunningEmulator;
  let client: NativeAuthTestClient;

  beforeAll(async () => {
    emulator = await startEmulator({ tenantFile: EXTERNAL_ID_TENANT_FILE });
    client = new NativeAuthTestClient(emulator);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  // Each test starts from the tenant file: its passwords, no lockout.
  beforeEach(async () => {
    await resetEmulator(emulator);
  });

  it('start → challenge (oob) → continue (expires_in ≤ 600) → submit (poll_interval) → poll: in_progress, then succeeded → the continuation_token grant signs in', async () => {
    const started = await client.resetStart(SPA_CLIENT_ID, BOB.username);
    expect(Object.keys(started.json)).toEqual(['continuation_token']);
    const challenge = await client.resetChallenge(
      SPA_CLIENT_ID,
      expectSuccess(started).continuation_token,
    );
    const challenged = expectSuccess(challenge);
    expect(challenge.json).toEqual({
      continuation_token: challenged.continuation_token,
      challenge_type: 'oob',
      binding_method: 'prompt',
      challenge_channel: 'email',
      challenge_target_label: maskEmailAddress(BOB.username),
      code_length: 8,
    });
    const code = await client.latestCode(BOB.username, 'password-reset');
    const continued = await client.resetContinue(
      SPA_CLIENT_ID,
      challenged.continuation_token,
      code,
    );
    const continueBody = expectSuccess(continued);
    expect(Object.keys(continued.json).sort()).toEqual(['continuation_token', 'expires_in']);
    expect(continueBody.expires_in).toBeGreaterThan(0);
    expect(continueBody.expires_in).toBeLessThanOrEqual(600);
    const submitted = await client.resetSubmit(
      SPA_CLIENT_ID,
      continueBody.continuation_token,
      NEW_PASSWORD,
    );
    const submitBody = expectSuccess(submitted);
    expect(Object.keys(submitted.json).sort()).toEqual(['continuation_token', 'poll_interval']);
    expect(submitBody.poll_interval).toBeGreaterThanOrEqual(1);
    const statuses: string[] = [];
    let signInToken: string | undefined;
    while (signInToken === undefined && statuses.length < 10) {
      const polled = expectSuccess(
        await client.resetPoll(SPA_CLIENT_ID, submitBody.continuation_token),
      );
      statuses.push(polled.status);
      if (polled.status === 'succeeded') signInToken = polled.continuation_token;
    }
    expect(statuses[0]).toBe('in_progress');
    expect(statuses.at(-1)).toBe('succeeded');
    // The same poll token is accepted every time, also after success.
    const late = expectSuccess(
      await client.resetPoll(SPA_CLIENT_ID, submitBody.continuation_token),
    );
    expect(late.status).toBe('succeeded');
    const tokens = expectSuccess(
      await client.continuationGrant(SPA_CLIENT_ID, signInToken!, BOB.username),
    );
    expect(jwtPayload(tokens.id_token)).toMatchObject({ oid: BOB.id, aud: SPA_CLIENT_ID });
    // The new password signs in; the old one is a wrong password.
    await client.signInWithPassword(SPA_CLIENT_ID, BOB.username, NEW_PASSWORD);
    const token = await client.passwordChallengeToken(SPA_CLIENT_ID, BOB.username);
    const old = expectError(await client.passwordGrant(SPA_CLIENT_ID, token, BOB.password));
    expect(errorSummary(old)).toEqual({
      status: 400,
      error: 'invalid_grant',
      codes: [50126],
      kind: 'invalid_password',
    });
  });

  it('answers invalid_request 500222 for a user without a password (code only)', async () => {
    const read = expectError(await client.resetStart(OTP_CLIENT_ID, CAROL.username));
    expect(errorSummary(read)).toEqual({
      status: 400,
      error: 'invalid_request',
      codes: [500222],
      kind: 'other',
    });
  });

  it('answers user_not_found for an address the tenant does not have', async () => {
    const read = expectError(await client.resetStart(SPA_CLIENT_ID, 'nobody@contoso.com'));
    expect(errorSummary(read)).toMatchObject({ error: 'user_not_found', kind: 'user_not_found' });
  });

  it('answers the redirect when the client cannot take a code', async () => {
    expectRedirect(await client.resetStart(SPA_CLIENT_ID, BOB.username, ['password', 'redirect']));
  });

  it('answers invalid_grant/invalid_oob_value to a wrong code at continue; the right one then works', async () => {
    const started = expectSuccess(await client.resetStart(SPA_CLIENT_ID, BOB.username));
    const challenged = expectSuccess(
      await client.resetChallenge(SPA_CLIENT_ID, started.continuation_token),
    );
    const code = await client.latestCode(BOB.username, 'password-reset');
    const wrong = expectError(
      await client.resetContinue(
        SPA_CLIENT_ID,
        challenged.continuation_token,
        code === '00000000' ? '11111111' : '00000000',
      ),
    );
    expect(errorSummary(wrong)).toEqual({
      status: 400,
      error: 'invalid_grant',
      suberror: 'invalid_oob_value',
      codes: [50181],
      kind: 'invalid_code',
    });
    expectSuccess(await client.resetContinue(SPA_CLIENT_ID, challenged.continuation_token, code));
  });

  it('a resend at the reset challenge replaces the code', async () => {
    const started = expectSuccess(await client.resetStart(SPA_CLIENT_ID, BOB.username));
    const challenged = expectSuccess(
      await client.resetChallenge(SPA_CLIENT_ID, started.continuation_token),
    );
    const first = await client.latestCode(BOB.username, 'password-reset');
    const resent = expectSuccess(
      await client.resetChallenge(SPA_CLIENT_ID, challenged.continuation_token),
    );
    const second = await client.latestCode(BOB.username, 'password-reset');
    expect(second).not.toBe(first);
    expect(
      expectError(await client.resetContinue(SPA_CLIENT_ID, resent.continuation_token, first)).kind,
    ).toBe('invalid_code');
    expectSuccess(await client.resetContinue(SPA_CLIENT_ID, resent.continuation_token, second));
  });

  it.each([
    ['password_too_short', 'Ab1!'],
    ['password_too_weak', 'onlylowercase'],
    ['password_banned', 'New-Password-9'],
    ['password_recently_used', BOB.password],
  ] as const)(
    'refuses a new password at submit with invalid_grant/%s and keeps the token usable',
    async (suberror, password) => {
      const submitToken = await client.resetToSubmit(SPA_CLIENT_ID, BOB.username);
      const refused = expectError(await client.resetSubmit(SPA_CLIENT_ID, submitToken, password));
      expect(errorSummary(refused)).toMatchObject({
        status: 400,
        error: 'invalid_grant',
        suberror,
        kind: suberror,
      });
      const submitted = expectSuccess(
        await client.resetSubmit(SPA_CLIENT_ID, submitToken, NEW_PASSWORD),
      );
      expect(submitted.poll_interval).toBeGreaterThanOrEqual(1);
    },
  );

  it('a reset unlocks a locked account', async () => {
    const token = await client.passwordChallengeToken(SPA_CLIENT_ID, BOB.username);
    for (let index = 0; index < 10; index++)
      await client.passwordGrant(SPA_CLIENT_ID, token, distinctWrongPassword('Wrong-Bob', index));
    const locked = expectError(await client.passwordGrant(SPA_CLIENT_ID, token, BOB.password));
    expect(locked.kind).toBe('locked');
    const signInToken = await client.resetPassword(SPA_CLIENT_ID, BOB.username, NEW_PASSWORD);
    expectSuccess(await client.continuationGrant(SPA_CLIENT_ID, signInToken, BOB.username));
    await client.signInWithPassword(SPA_CLIENT_ID, BOB.username, NEW_PASSWORD);
  });

  it('a reset ends the refresh tokens issued before it (invalid_grant 50173); those issued after work', async () => {
    const before = await client.signInWithPassword(SPA_CLIENT_ID, ALICE.username, ALICE.password);
    const refresh = (refreshToken: string) =>
      client.call('token', nativeAuthRefreshTokenRequest(SPA_CLIENT_ID, { refreshToken }));
    expectSuccess(await refresh(before.refresh_token));
    const signInToken = await client.resetPassword(
      SPA_CLIENT_ID,
      ALICE.username,
      'Renewed-Passw0rd-7!',
    );
    const refused = expectError(await refresh(before.refresh_token));
    expect(errorSummary(refused)).toEqual({
      status: 400,
      error: 'invalid_grant',
      codes: [50173],
      kind: 'other',
    });
    const after = expectSuccess(
      await client.continuationGrant(SPA_CLIENT_ID, signInToken, ALICE.username),
    );
    expectSuccess(await refresh(after.refresh_token));
  });

  it('answers unsupported_grant_type (70003) to a continue grant other than oob', async () => {
    const started = expectSuccess(await client.resetStart(SPA_CLIENT_ID, BOB.username));
    const challenged = expectSuccess(
      await client.resetChallenge(SPA_CLIENT_ID, started.continuation_token),
    );
    const body = {
      ...resetPasswordContinueRequest(SPA_CLIENT_ID, {
        continuationToken: challenged.continuation_token,
        oob: '12345678',
      }),
      grant_type: 'password',
    };
    expect(errorSummary(expectError(await client.call('resetPasswordContinue', body)))).toEqual({
      status: 400,
      error: 'unsupported_grant_type',
      codes: [70003],
      kind: 'other',
    });
  });

  it('never writes a password, code or token to its output', () => {
    expect(client.leakedSecrets()).toEqual([]);
  });
});
