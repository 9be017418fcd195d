import { startEmulator, type RunningEmulator } from '../start-emulator';
import {
  ALICE,
  BOB,
  CAROL,
  EXTERNAL_ID_TENANT_FILE,
  NativeAuthTestClient,
  OTP_APP_TYPES,
  OTP_CLIENT_ID,
  PASSWORD_APP_TYPES,
  SPA_CLIENT_ID,
  errorSummary,
  expectError,
  expectSuccess,
  setClock,
  type NativeAuthReply,
} from './native-auth-client';

type AnyReply = NativeAuthReply<Parameters<NativeAuthTestClient['call']>[0]>;

/** A wrong, spent, foreign or misplaced token outside password reset: invalid_grant 55200. */
const INVALID_GRANT = { status: 400, error: 'invalid_grant', codes: [55200], kind: 'other' };
/** The same in password reset, as the reference shows it: invalid_request 55200. */
const INVALID_REQUEST = { status: 400, error: 'invalid_request', codes: [55200], kind: 'other' };
const EXPIRED = { status: 400, error: 'expired_token', codes: [552003], kind: 'expired_token' };

const expectRefused = (reply: AnyReply, expected: object): void => {
  expect(errorSummary(expectError(reply))).toEqual(expected);
};

describe('External ID native authentication: continuation tokens', () => {
  let emulator: RunningEmulator;
  let client: NativeAuthTestClient;
  let counter = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ tenantFile: EXTERNAL_ID_TENANT_FILE });
    client = new NativeAuthTestClient(emulator);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  afterEach(async () => {
    await setClock(emulator, 0);
  });

  const initiateToken = async (): Promise<string> =>
    expectSuccess(await client.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES))
      .continuation_token;

  const resetChallengeToken = async (): Promise<string> => {
    const started = expectSuccess(await client.resetStart(SPA_CLIENT_ID, BOB.username));
    return expectSuccess(await client.resetChallenge(SPA_CLIENT_ID, started.continuation_token))
      .continuation_token;
  };

  const signUpCodeToken = async (): Promise<{ token: string; code: string }> =>
    client.signUpToCode(SPA_CLIENT_ID, `erin-${String(++counter)}@contoso.com`, {
      password: 'Sign-Up-Passw0rd!',
      attributes: { displayName: 'Erin' },
    });

  describe('a token the emulator never issued', () => {
    const forged = 'Zm9yZ2VkLWNvbnRpbnVhdGlvbi10b2tlbi0wMTIzNDU2Nzg5YWJjZGVm';

    it('is invalid_grant 55200 in sign-in and sign-up', async () => {
      expectRefused(
        await client.challenge(SPA_CLIENT_ID, forged, PASSWORD_APP_TYPES),
        INVALID_GRANT,
      );
      expectRefused(
        await client.passwordGrant(SPA_CLIENT_ID, forged, ALICE.password),
        INVALID_GRANT,
      );
      expectRefused(await client.oobGrant(SPA_CLIENT_ID, forged, '12345678'), INVALID_GRANT);
      expectRefused(await client.continuationGrant(SPA_CLIENT_ID, forged), INVALID_GRANT);
      expectRefused(await client.signUpChallenge(SPA_CLIENT_ID, forged), INVALID_GRANT);
      expectRefused(
        await client.signUpContinueCode(SPA_CLIENT_ID, forged, '12345678'),
        INVALID_GRANT,
      );
      expectRefused(
        await client.signUpContinuePassword(SPA_CLIENT_ID, forged, 'Sign-Up-Passw0rd!'),
        INVALID_GRANT,
      );
    });

    it('is invalid_request 55200 in password reset', async () => {
      expectRefused(await client.resetChallenge(SPA_CLIENT_ID, forged), INVALID_REQUEST);
      expectRefused(await client.resetContinue(SPA_CLIENT_ID, forged, '12345678'), INVALID_REQUEST);
      expectRefused(
        await client.resetSubmit(SPA_CLIENT_ID, forged, 'Brand-New-Passw0rd!'),
        INVALID_REQUEST,
      );
      expectRefused(await client.resetPoll(SPA_CLIENT_ID, forged), INVALID_REQUEST);
    });
  });

  it("refuses another client's token, and the token still works for its own client", async () => {
    const initiated = expectSuccess(
      await client.initiate(SPA_CLIENT_ID, CAROL.username, PASSWORD_APP_TYPES),
    );
    expectRefused(
      await client.challenge(OTP_CLIENT_ID, initiated.continuation_token, OTP_APP_TYPES),
      INVALID_GRANT,
    );
    const { continuation_token: oobToken } = expectSuccess(
      await client.challenge(SPA_CLIENT_ID, initiated.continuation_token, PASSWORD_APP_TYPES),
    );
    const code = await client.latestCode(CAROL.username, 'sign-in');
    expectRefused(await client.oobGrant(OTP_CLIENT_ID, oobToken, code), INVALID_GRANT);
    expectSuccess(await client.oobGrant(SPA_CLIENT_ID, oobToken, code));

    const resetToken = await resetChallengeToken();
    const resetCode = await client.latestCode(BOB.username, 'password-reset');
    expectRefused(
      await client.resetContinue(OTP_CLIENT_ID, resetToken, resetCode),
      INVALID_REQUEST,
    );
    expectSuccess(await client.resetContinue(SPA_CLIENT_ID, resetToken, resetCode));
  });

  it('refuses a token at a step or endpoint it does not lead to, and it still works where it does', async () => {
    const initiated = await initiateToken();
    // Initiate's token leads to the challenge, not to the token endpoint.
    expectRefused(
      await client.passwordGrant(SPA_CLIENT_ID, initiated, ALICE.password),
      INVALID_GRANT,
    );
    expectRefused(await client.continuationGrant(SPA_CLIENT_ID, initiated), INVALID_GRANT);
    // A sign-in token is no sign-up or reset token.
    expectRefused(await client.signUpChallenge(SPA_CLIENT_ID, initiated), INVALID_GRANT);
    expectRefused(await client.resetChallenge(SPA_CLIENT_ID, initiated), INVALID_REQUEST);
    const passwordToken = expectSuccess(
      await client.challenge(SPA_CLIENT_ID, initiated, PASSWORD_APP_TYPES),
    ).continuation_token;
    // The password challenge's token leads to the password grant only.
    expectRefused(await client.oobGrant(SPA_CLIENT_ID, passwordToken, '12345678'), INVALID_GRANT);
    expectRefused(
      await client.challenge(SPA_CLIENT_ID, passwordToken, PASSWORD_APP_TYPES),
      INVALID_GRANT,
    );
    expectRefused(await client.continuationGrant(SPA_CLIENT_ID, passwordToken), INVALID_GRANT);
    // A sign-up token at the reset endpoints, and a reset token at sign-up's.
    const signUp = await signUpCodeToken();
    expectRefused(
      await client.resetContinue(SPA_CLIENT_ID, signUp.token, signUp.code),
      INVALID_REQUEST,
    );
    const resetToken = await resetChallengeToken();
    expectRefused(
      await client.signUpContinueCode(SPA_CLIENT_ID, resetToken, '12345678'),
      INVALID_GRANT,
    );
    // A sign-up token at the wrong continue grant.
    expectRefused(
      await client.signUpContinuePassword(SPA_CLIENT_ID, signUp.token, 'Sign-Up-Passw0rd!'),
      INVALID_GRANT,
    );
    // Each still works where it leads.
    expectSuccess(await client.passwordGrant(SPA_CLIENT_ID, passwordToken, ALICE.password));
    expectSuccess(await client.signUpContinueCode(SPA_CLIENT_ID, signUp.token, signUp.code));
    const resetCode = await client.latestCode(BOB.username, 'password-reset');
    const submitToken = expectSuccess(
      await client.resetContinue(SPA_CLIENT_ID, resetToken, resetCode),
    ).continuation_token;
    // The submit token does not poll, and the poll token does not submit.
    expectRefused(await client.resetPoll(SPA_CLIENT_ID, submitToken), INVALID_REQUEST);
    const pollToken = expectSuccess(
      await client.resetSubmit(SPA_CLIENT_ID, submitToken, 'Brand-New-Passw0rd!'),
    ).continuation_token;
    expectRefused(
      await client.resetSubmit(SPA_CLIENT_ID, pollToken, 'Another-New-Passw0rd!'),
      INVALID_REQUEST,
    );
    expectSuccess(await client.resetPoll(SPA_CLIENT_ID, pollToken));
  });

  it('refuses a spent token: once a step succeeded with it, the next token takes over', async () => {
    const initiated = await initiateToken();
    const passwordToken = expectSuccess(
      await client.challenge(SPA_CLIENT_ID, initiated, PASSWORD_APP_TYPES),
    ).continuation_token;
    expectRefused(
      await client.challenge(SPA_CLIENT_ID, initiated, PASSWORD_APP_TYPES),
      INVALID_GRANT,
    );
    expectSuccess(await client.passwordGrant(SPA_CLIENT_ID, passwordToken, ALICE.password));
    expectRefused(
      await client.passwordGrant(SPA_CLIENT_ID, passwordToken, ALICE.password),
      INVALID_GRANT,
    );
    // The sign-in token of a sign-up signs in once.
    const signUp = await signUpCodeToken();
    const signInToken = expectSuccess(
      await client.signUpContinueCode(SPA_CLIENT_ID, signUp.token, signUp.code),
    ).continuation_token;
    expectRefused(
      await client.signUpContinueCode(SPA_CLIENT_ID, signUp.token, signUp.code),
      INVALID_GRANT,
    );
    expectSuccess(await client.continuationGrant(SPA_CLIENT_ID, signInToken));
    expectRefused(await client.continuationGrant(SPA_CLIENT_ID, signInToken), INVALID_GRANT);
  });

  it('a token still works at 599 s and is expired_token (552003) after 600 s', async () => {
    const initiated = await initiateToken();
    const passwordToken = expectSuccess(
      await client.challenge(SPA_CLIENT_ID, await initiateToken(), PASSWORD_APP_TYPES),
    ).continuation_token;
    const resetToken = await resetChallengeToken();
    const resetCode = await client.latestCode(BOB.username, 'password-reset');
    const signUp = await signUpCodeToken();
    await setClock(emulator, 599);
    expectSuccess(await client.challenge(SPA_CLIENT_ID, initiated, PASSWORD_APP_TYPES));
    await setClock(emulator, 601);
    expectRefused(
      await client.passwordGrant(SPA_CLIENT_ID, passwordToken, ALICE.password),
      EXPIRED,
    );
    expectRefused(await client.resetContinue(SPA_CLIENT_ID, resetToken, resetCode), EXPIRED);
    expectRefused(
      await client.signUpContinueCode(SPA_CLIENT_ID, signUp.token, signUp.code),
      EXPIRED,
    );
    expectRefused(await client.signUpChallenge(SPA_CLIENT_ID, signUp.token), EXPIRED);
  });

  it('the reset submit token expires after the expires_in its answer gave', async () => {
    const resetToken = await resetChallengeToken();
    const code = await client.latestCode(BOB.username, 'password-reset');
    const continued = expectSuccess(await client.resetContinue(SPA_CLIENT_ID, resetToken, code));
    await setClock(emulator, (continued.expires_in ?? 600) + 1);
    expectRefused(
      await client.resetSubmit(SPA_CLIENT_ID, continued.continuation_token, 'Brand-New-Passw0rd!'),
      EXPIRED,
    );
  });

  describe('races', () => {
    it('a password token signs in once, however many grants race with it', async () => {
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, ALICE.username);
      const replies = await Promise.all(
        Array.from({ length: 5 }, () => client.passwordGrant(SPA_CLIENT_ID, token, ALICE.password)),
      );
      expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
      for (const reply of replies.filter((each) => each.status !== 200))
        expect(errorSummary(expectError(reply))).toEqual(INVALID_GRANT);
    });

    it('a code signs in once, however many grants race with it', async () => {
      const { token, code } = await client.codeChallenge(OTP_CLIENT_ID, CAROL.username);
      const replies = await Promise.all(
        Array.from({ length: 5 }, () => client.oobGrant(OTP_CLIENT_ID, token, code)),
      );
      expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
    });

    it('racing resends never send more than 5 codes for one flow', async () => {
      const username = `erin-${String(++counter)}@contoso.com`;
      const { token } = await client.signUpToCode(SPA_CLIENT_ID, username, {
        password: 'Sign-Up-Passw0rd!',
        attributes: { displayName: 'Erin' },
      });
      const replies = await Promise.all(
        Array.from({ length: 10 }, () => client.signUpChallenge(SPA_CLIENT_ID, token)),
      );
      expect(replies.filter((reply) => reply.status === 200)).toHaveLength(4);
      expect(await client.outbox(username)).toHaveLength(5);
    });

    it('a sign-up completes once when its last step races: one user, one sign-in token', async () => {
      const username = `erin-${String(++counter)}@contoso.com`;
      const { token, code } = await client.signUpToCode(SPA_CLIENT_ID, username, {
        password: 'Sign-Up-Passw0rd!',
        attributes: { displayName: 'Erin' },
      });
      const replies = await Promise.all(
        Array.from({ length: 5 }, () => client.signUpContinueCode(SPA_CLIENT_ID, token, code)),
      );
      const done = replies.filter((reply) => reply.status === 200);
      expect(done).toHaveLength(1);
      const signInToken = String(done[0]!.json['continuation_token']);
      expectSuccess(await client.continuationGrant(SPA_CLIENT_ID, signInToken, username));
    });
  });

  it('never writes a password, code or token to its output', () => {
    expect(client.leakedSecrets()).toEqual([]);
  });
});
