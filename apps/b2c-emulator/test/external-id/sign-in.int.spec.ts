import {
  maskEmailAddress,
  signInChallengeRequest,
  signInInitiateRequest,
  signInIntrospectRequest,
  signInPasswordTokenRequest,
} from '@ropc/protocol/native-auth';
import { distinctWrongPassword, startEmulator, type RunningEmulator } from '../start-emulator';
import {
  ALICE,
  BOB,
  CAROL,
  EXTERNAL_ID_TENANT_FILE,
  GUID,
  NOTES_READ,
  NativeAuthTestClient,
  OTP_APP_TYPES,
  OTP_CLIENT_ID,
  PASSWORD_APP_TYPES,
  SPA_CLIENT_ID,
  errorSummary,
  expectError,
  expectRedirect,
  expectSuccess,
  jwtPayload,
} from './native-auth-client';

describe('External ID native authentication: sign-in', () => {
  let emulator: RunningEmulator;
  let client: NativeAuthTestClient;

  beforeAll(async () => {
    emulator = await startEmulator({ tenantFile: EXTERNAL_ID_TENANT_FILE });
    client = new NativeAuthTestClient(emulator);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  describe('with a password', () => {
    it('initiate answers a continuation token alone, not cached, with a request id', async () => {
      const reply = await client.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES);
      const body = expectSuccess(reply);
      expect(Object.keys(reply.json)).toEqual(['continuation_token']);
      expect(body.continuation_token).toMatch(/^[\w-]{20,}$/);
      expect(reply.headers.get('cache-control')).toBe('no-store');
      expect(reply.headers.get('x-ms-request-id')).toMatch(GUID);
      expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    });

    it('challenge asks a password user for the password, with a new token', async () => {
      const initiated = expectSuccess(
        await client.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES),
      );
      const reply = await client.challenge(
        SPA_CLIENT_ID,
        initiated.continuation_token,
        PASSWORD_APP_TYPES,
      );
      const body = expectSuccess(reply);
      expect(reply.json).toEqual({
        challenge_type: 'password',
        continuation_token: body.continuation_token,
      });
      expect(body.continuation_token).not.toBe(initiated.continuation_token);
    });

    it('the password grant answers tokens MSAL accepts, for the user and the scopes asked', async () => {
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, ALICE.username);
      const reply = await client.passwordGrant(SPA_CLIENT_ID, token, ALICE.password, [
        'openid',
        'profile',
        'offline_access',
        NOTES_READ,
      ]);
      const body = expectSuccess(reply);
      expect(body).toMatchObject({
        token_type: 'Bearer',
        scope: `openid profile offline_access ${NOTES_READ}`,
      });
      expect(body.expires_in).toBeGreaterThan(300);
      expect(jwtPayload(body.id_token)).toMatchObject({ oid: ALICE.id, name: ALICE.name });
      expect(reply.headers.get('cache-control')).toBe('no-store');
    });

    it('answers user_not_found for an address the tenant does not have', async () => {
      const read = expectError(
        await client.initiate(SPA_CLIENT_ID, 'nobody@contoso.com', PASSWORD_APP_TYPES),
      );
      expect(errorSummary(read)).toEqual({
        status: 400,
        error: 'user_not_found',
        codes: [50034],
        kind: 'user_not_found',
      });
    });

    it.each(['not-an-address', 'two@at@contoso.com', 'space @contoso.com', 'trailing@'])(
      'answers invalid_request 90100 with MSAL\'s text for the username "%s"',
      async (username) => {
        const read = expectError(
          await client.initiate(SPA_CLIENT_ID, username, PASSWORD_APP_TYPES),
        );
        expect(errorSummary(read)).toEqual({
          status: 400,
          error: 'invalid_request',
          codes: [90100],
          kind: 'invalid_username',
        });
        expect(read.error.description).toContain('username parameter is empty or not valid');
      },
    );

    it('answers invalid_request (unsupported challenge type) for a challenge type it does not know, at initiate and at challenge', async () => {
      const initiate = {
        ...signInInitiateRequest(SPA_CLIENT_ID, {
          username: ALICE.username,
          challengeTypes: PASSWORD_APP_TYPES,
        }),
        challenge_type: 'password otp redirect',
      };
      const atInitiate = expectError(await client.call('signInInitiate', initiate));
      expect(errorSummary(atInitiate)).toEqual({
        status: 400,
        error: 'invalid_request',
        codes: [901007],
        kind: 'unsupported_challenge_type',
      });
      const initiated = expectSuccess(
        await client.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES),
      );
      const challenge = {
        ...signInChallengeRequest(SPA_CLIENT_ID, {
          continuationToken: initiated.continuation_token,
          challengeTypes: PASSWORD_APP_TYPES,
        }),
        challenge_type: 'password sms redirect',
      };
      const atChallenge = expectError(await client.call('signInChallenge', challenge));
      expect(errorSummary(atChallenge)).toMatchObject({
        error: 'invalid_request',
        kind: 'unsupported_challenge_type',
      });
    });

    it('answers unsupported_challenge_type when the list lacks redirect', async () => {
      const body = {
        ...signInInitiateRequest(SPA_CLIENT_ID, {
          username: ALICE.username,
          challengeTypes: PASSWORD_APP_TYPES,
        }),
        challenge_type: 'password oob',
      };
      const read = expectError(await client.call('signInInitiate', body));
      expect(errorSummary(read)).toEqual({
        status: 400,
        error: 'unsupported_challenge_type',
        codes: [901007],
        kind: 'unsupported_challenge_type',
      });
    });

    it('answers invalid_grant 50126 to a wrong password, and the same continuation token then signs in', async () => {
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, ALICE.username);
      const wrong = expectError(
        await client.passwordGrant(SPA_CLIENT_ID, token, 'Wrong-Passw0rd!'),
      );
      expect(errorSummary(wrong)).toEqual({
        status: 400,
        error: 'invalid_grant',
        codes: [50126],
        kind: 'invalid_password',
      });
      expect(wrong.json['continuation_token']).toBeUndefined();
      const right = expectSuccess(await client.passwordGrant(SPA_CLIENT_ID, token, ALICE.password));
      expect(jwtPayload(right.id_token)['oid']).toBe(ALICE.id);
    });

    it('locks the account at the default threshold: 10 distinct wrong passwords, then 50053 even for the right one', async () => {
      const token = await client.passwordChallengeToken(SPA_CLIENT_ID, BOB.username);
      const codes: number[][] = [];
      for (let index = 0; index < 10; index++) {
        const reply = await client.passwordGrant(
          SPA_CLIENT_ID,
          token,
          distinctWrongPassword('Wrong-Bob', index),
        );
        codes.push([...expectError(reply).error.errorCodes]);
      }
      expect(codes).toEqual([...Array<number[]>(9).fill([50126]), [50053]]);
      const right = expectError(await client.passwordGrant(SPA_CLIENT_ID, token, BOB.password));
      expect(errorSummary(right)).toEqual({
        status: 400,
        error: 'invalid_grant',
        codes: [50053],
        kind: 'locked',
      });
      expect(right.headers.get('retry-after')).toBe('60');
    });
  });

  it('reads the username and challenge types without regard to case', async () => {
    const body = {
      ...signInInitiateRequest(SPA_CLIENT_ID, {
        username: 'ALICE@Contoso.com',
        challengeTypes: PASSWORD_APP_TYPES,
      }),
      challenge_type: 'Password OOB Redirect',
    };
    const initiated = expectSuccess(await client.call('signInInitiate', body));
    const challenged = expectSuccess(
      await client.challenge(SPA_CLIENT_ID, initiated.continuation_token, PASSWORD_APP_TYPES),
    );
    const tokens = expectSuccess(
      await client.passwordGrant(SPA_CLIENT_ID, challenged.continuation_token, ALICE.password),
    );
    expect(jwtPayload(tokens.id_token)['preferred_username']).toBe(ALICE.username);
  });

  it('answers invalid_request 900144 naming a parameter a step needs', async () => {
    const token = await client.passwordChallengeToken(SPA_CLIENT_ID, ALICE.username);
    const { password: _, ...withoutPassword } = signInPasswordTokenRequest(SPA_CLIENT_ID, {
      continuationToken: token,
      password: ALICE.password,
    });
    const read = expectError(await client.call('token', withoutPassword));
    expect(errorSummary(read)).toEqual({
      status: 400,
      error: 'invalid_request',
      codes: [900144],
      kind: 'other',
    });
    expect(read.error.description).toContain("'password'");
  });

  describe('with an e-mail code', () => {
    it('challenge sends a code and says how: prompt, email, a masked address, 8 digits', async () => {
      const initiated = expectSuccess(
        await client.initiate(OTP_CLIENT_ID, CAROL.username, OTP_APP_TYPES),
      );
      const reply = await client.challenge(
        OTP_CLIENT_ID,
        initiated.continuation_token,
        OTP_APP_TYPES,
      );
      const body = expectSuccess(reply);
      expect(reply.json).toEqual({
        continuation_token: body.continuation_token,
        challenge_type: 'oob',
        binding_method: 'prompt',
        challenge_channel: 'email',
        challenge_target_label: maskEmailAddress(CAROL.username),
        code_length: 8,
      });
      expect(reply.json['challenge_target_label']).not.toContain('carol');
      const [message] = await client.outbox(CAROL.username);
      expect(message).toEqual({
        to: CAROL.username,
        code: expect.stringMatching(/^\d{8}$/),
        purpose: 'sign-in',
        sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      const signedIn = expectSuccess(
        await client.oobGrant(OTP_CLIENT_ID, body.continuation_token, message!.code),
      );
      expect(jwtPayload(signedIn.id_token)).toMatchObject({
        oid: CAROL.id,
        preferred_username: CAROL.username,
        aud: OTP_CLIENT_ID,
      });
    });

    it('signs a code-only user in with a code in an e-mail-and-password app too', async () => {
      const { token, code, body } = await client.codeChallenge(
        SPA_CLIENT_ID,
        CAROL.username,
        PASSWORD_APP_TYPES,
      );
      expect(body).toMatchObject({ challenge_type: 'oob', code_length: 8 });
      const signedIn = expectSuccess(await client.oobGrant(SPA_CLIENT_ID, token, code));
      expect(jwtPayload(signedIn.id_token)['oid']).toBe(CAROL.id);
    });

    it('answers invalid_grant/invalid_oob_value to a wrong code; the right one then works', async () => {
      const { token, code } = await client.codeChallenge(OTP_CLIENT_ID, CAROL.username);
      const wrongCode = code === '00000000' ? '11111111' : '00000000';
      const wrong = expectError(await client.oobGrant(OTP_CLIENT_ID, token, wrongCode));
      expect(errorSummary(wrong)).toEqual({
        status: 400,
        error: 'invalid_grant',
        suberror: 'invalid_oob_value',
        codes: [50181],
        kind: 'invalid_code',
      });
      expectSuccess(await client.oobGrant(OTP_CLIENT_ID, token, code));
    });

    it('a resend (challenge again with the same token) replaces the code: the old one is refused', async () => {
      const { token, code: first } = await client.codeChallenge(OTP_CLIENT_ID, CAROL.username);
      const resent = expectSuccess(await client.challenge(OTP_CLIENT_ID, token, OTP_APP_TYPES));
      expect(resent.challenge_type).toBe('oob');
      const second = await client.latestCode(CAROL.username, 'sign-in');
      expect(second).not.toBe(first);
      const old = expectError(
        await client.oobGrant(OTP_CLIENT_ID, resent.continuation_token, first),
      );
      expect(old.kind).toBe('invalid_code');
      expectSuccess(await client.oobGrant(OTP_CLIENT_ID, resent.continuation_token, second));
    });

    it('three wrong tries spend the code: the right one is refused after them, a new one works', async () => {
      const { token, code } = await client.codeChallenge(OTP_CLIENT_ID, CAROL.username);
      for (const wrong of ['12345678', '23456789', '34567890'].filter((each) => each !== code))
        expect(expectError(await client.oobGrant(OTP_CLIENT_ID, token, wrong)).kind).toBe(
          'invalid_code',
        );
      const spent = expectError(await client.oobGrant(OTP_CLIENT_ID, token, code));
      expect(errorSummary(spent)).toMatchObject({ suberror: 'invalid_oob_value' });
      const resent = expectSuccess(await client.challenge(OTP_CLIENT_ID, token, OTP_APP_TYPES));
      const fresh = await client.latestCode(CAROL.username, 'sign-in');
      expectSuccess(await client.oobGrant(OTP_CLIENT_ID, resent.continuation_token, fresh));
    });

    it('sends at most 5 codes per flow: the sixth challenge is refused and sends nothing', async () => {
      const { token } = await client.codeChallenge(OTP_CLIENT_ID, CAROL.username);
      for (let resend = 0; resend < 4; resend++)
        expectSuccess(await client.challenge(OTP_CLIENT_ID, token, OTP_APP_TYPES));
      const fifth = await client.latestCode(CAROL.username, 'sign-in');
      const sixth = expectError(await client.challenge(OTP_CLIENT_ID, token, OTP_APP_TYPES));
      expect(errorSummary(sixth)).toEqual({
        status: 400,
        error: 'invalid_request',
        codes: [],
        kind: 'other',
      });
      expect(await client.latestCode(CAROL.username, 'sign-in')).toBe(fifth);
      expectSuccess(await client.oobGrant(OTP_CLIENT_ID, token, fifth));
    });
  });

  describe('the redirect rule', () => {
    it.each([
      ['a password user asking for oob only', SPA_CLIENT_ID, ALICE.username, 'oob redirect'],
      ['a code user asking for password only', OTP_CLIENT_ID, CAROL.username, 'password redirect'],
      ['a password user asking for redirect only', SPA_CLIENT_ID, ALICE.username, 'redirect'],
      ['a code user asking for redirect only', OTP_CLIENT_ID, CAROL.username, 'redirect'],
    ])(
      '%s gets 200 {"challenge_type":"redirect"} at initiate',
      async (_, clientId, username, types) => {
        const body = {
          ...signInInitiateRequest(clientId, { username, challengeTypes: ['redirect'] }),
          challenge_type: types,
        };
        expectRedirect(await client.call('signInInitiate', body));
      },
    );

    it('answers the redirect at challenge when the challenge step asks for redirect only', async () => {
      const initiated = expectSuccess(
        await client.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES),
      );
      expectRedirect(
        await client.challenge(SPA_CLIENT_ID, initiated.continuation_token, ['redirect']),
      );
    });
  });

  it('introspect answers invalid_request: strong authentication is not emulated', async () => {
    const initiated = expectSuccess(
      await client.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES),
    );
    const read = expectError(
      await client.call(
        'signInIntrospect',
        signInIntrospectRequest(SPA_CLIENT_ID, { continuationToken: initiated.continuation_token }),
      ),
    );
    expect(errorSummary(read)).toEqual({
      status: 400,
      error: 'invalid_request',
      codes: [],
      kind: 'other',
    });
  });

  it('never writes a password, code or token to its output', () => {
    expect(client.secrets.size).toBeGreaterThan(20);
    // The log does record every call: the check above is not vacuous.
    expect(emulator.output()).toMatch(/native-auth native-initiate 200 requestId=/);
    expect(emulator.output()).toMatch(/native-auth native-token 400 invalid_grant requestId=/);
    expect(client.leakedSecrets()).toEqual([]);
  });
});
