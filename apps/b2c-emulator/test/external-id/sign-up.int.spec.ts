import { maskEmailAddress, signUpContinueRequest } from '@ropc/protocol/native-auth';
import { startEmulator, type RunningEmulator } from '../start-emulator';
import {
  ALICE,
  EXTERNAL_ID_TENANT_FILE,
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

const GOOD_PASSWORD = 'Sign-Up-Passw0rd!';

/** The password-policy refusals, each with a password that earns it (for a user named dave-…). */
const POLICY_CASES = [
  ['password_too_short', 'Ab1!xyz'],
  ['password_too_weak', 'alllowercaseletters'],
  ['password_banned', 'My-Password-1'],
  ['password_too_long', `Aa1!${'x'.repeat(253)}`],
] as const;

describe('External ID native authentication: sign-up', () => {
  let emulator: RunningEmulator;
  let client: NativeAuthTestClient;
  let counter = 0;
  /** A new address for each sign-up: the users created stay for the whole file. */
  const newAddress = (): string => `dave-${String(++counter)}@contoso.com`;

  beforeAll(async () => {
    emulator = await startEmulator({ tenantFile: EXTERNAL_ID_TENANT_FILE });
    client = new NativeAuthTestClient(emulator);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it('start with a password and attributes → challenge (oob, interval 300) → continue oob → a token that signs the new user in', async () => {
    const username = newAddress();
    const started = await client.signUpStart(SPA_CLIENT_ID, username, {
      password: GOOD_PASSWORD,
      attributes: { displayName: 'Dave Sign-Up', city: 'Oslo' },
    });
    expect(Object.keys(started.json)).toEqual(['continuation_token']);
    const startToken = expectSuccess(started).continuation_token;
    const challenge = await client.signUpChallenge(SPA_CLIENT_ID, startToken);
    const challenged = expectSuccess(challenge);
    expect(challenge.json).toEqual({
      continuation_token: challenged.continuation_token,
      challenge_type: 'oob',
      binding_method: 'prompt',
      challenge_channel: 'email',
      challenge_target_label: maskEmailAddress(username),
      code_length: 8,
      interval: 300,
    });
    const code = await client.latestCode(username, 'sign-up');
    const continued = await client.signUpContinueCode(
      SPA_CLIENT_ID,
      challenged.continuation_token,
      code,
    );
    expect(Object.keys(continued.json)).toEqual(['continuation_token']);
    const signInToken = expectSuccess(continued).continuation_token;
    const tokens = expectSuccess(
      await client.continuationGrant(SPA_CLIENT_ID, signInToken, username),
    );
    const claims = jwtPayload(tokens.id_token);
    expect(claims).toMatchObject({
      aud: SPA_CLIENT_ID,
      preferred_username: username,
      name: 'Dave Sign-Up',
    });
    expect(claims['oid']).toMatch(/^[0-9a-f-]{36}$/);
    // The new user signs in with the password chosen.
    const again = await client.signInWithPassword(SPA_CLIENT_ID, username, GOOD_PASSWORD);
    expect(jwtPayload(again.id_token)['oid']).toBe(claims['oid']);
  });

  it('the continuation_token grant refuses a username that is not the new user, and the token stays usable', async () => {
    const username = newAddress();
    const { token, code } = await client.signUpToCode(SPA_CLIENT_ID, username, {
      password: GOOD_PASSWORD,
      attributes: { displayName: 'Dave' },
    });
    const signInToken = expectSuccess(
      await client.signUpContinueCode(SPA_CLIENT_ID, token, code),
    ).continuation_token;
    const mismatch = expectError(
      await client.continuationGrant(SPA_CLIENT_ID, signInToken, ALICE.username),
    );
    expect(errorSummary(mismatch)).toEqual({
      status: 400,
      error: 'invalid_grant',
      codes: [],
      kind: 'other',
    });
    // The username compares as sign-in names do: case does not matter.
    const tokens = expectSuccess(
      await client.continuationGrant(SPA_CLIENT_ID, signInToken, username.toUpperCase()),
    );
    expect(jwtPayload(tokens.id_token)['preferred_username']).toBe(username);
  });

  it('start without a password → after the code credential_required (55103) with a token → challenge asks for the password → continue password', async () => {
    const username = newAddress();
    const { token, code } = await client.signUpToCode(SPA_CLIENT_ID, username, {
      attributes: { displayName: 'Dave Later' },
    });
    const required = expectError(await client.signUpContinueCode(SPA_CLIENT_ID, token, code));
    expect(errorSummary(required)).toEqual({
      status: 400,
      error: 'credential_required',
      codes: [55103],
      kind: 'credential_required',
    });
    const credentialToken = required.error.continuationToken!;
    expect(credentialToken).toMatch(/^[\w-]{20,}$/);
    const challenge = await client.signUpChallenge(SPA_CLIENT_ID, credentialToken);
    const challenged = expectSuccess(challenge);
    expect(challenge.json).toEqual({
      challenge_type: 'password',
      continuation_token: challenged.continuation_token,
    });
    const done = expectSuccess(
      await client.signUpContinuePassword(
        SPA_CLIENT_ID,
        challenged.continuation_token,
        GOOD_PASSWORD,
      ),
    );
    expectSuccess(await client.continuationGrant(SPA_CLIENT_ID, done.continuation_token, username));
    await client.signInWithPassword(SPA_CLIENT_ID, username, GOOD_PASSWORD);
  });

  it('a required attribute missing → attributes_required (55106) listing it → continue attributes', async () => {
    const username = newAddress();
    const { token, code } = await client.signUpToCode(SPA_CLIENT_ID, username, {
      password: GOOD_PASSWORD,
      attributes: { city: 'Bergen' },
    });
    const required = expectError(await client.signUpContinueCode(SPA_CLIENT_ID, token, code));
    expect(errorSummary(required)).toEqual({
      status: 400,
      error: 'attributes_required',
      codes: [55106],
      kind: 'attributes_required',
    });
    expect(required.json['required_attributes']).toEqual([
      { name: 'displayName', type: 'string', required: true, options: { regex: '^.{1,256}$' } },
    ]);
    expect(required.error.requiredAttributes).toEqual([
      expect.objectContaining({ name: 'displayName', required: true }),
    ]);
    const attributesToken = required.error.continuationToken!;
    // Only required attributes count after the code: city alone still lacks displayName.
    const still = expectError(
      await client.signUpContinueAttributes(SPA_CLIENT_ID, attributesToken, { city: 'Tromsø' }),
    );
    expect(still.kind).toBe('attributes_required');
    const done = expectSuccess(
      await client.signUpContinueAttributes(SPA_CLIENT_ID, still.error.continuationToken!, {
        displayName: 'Dave Attributes',
      }),
    );
    const tokens = expectSuccess(
      await client.continuationGrant(SPA_CLIENT_ID, done.continuation_token, username),
    );
    expect(jwtPayload(tokens.id_token)['name']).toBe('Dave Attributes');
  });

  it('with neither password nor displayName: credential_required first, then attributes_required', async () => {
    const username = newAddress();
    const { token, code } = await client.signUpToCode(SPA_CLIENT_ID, username);
    const credential = expectError(await client.signUpContinueCode(SPA_CLIENT_ID, token, code));
    expect(credential.kind).toBe('credential_required');
    const passwordToken = expectSuccess(
      await client.signUpChallenge(SPA_CLIENT_ID, credential.error.continuationToken!),
    ).continuation_token;
    const attributes = expectError(
      await client.signUpContinuePassword(SPA_CLIENT_ID, passwordToken, GOOD_PASSWORD),
    );
    expect(attributes.kind).toBe('attributes_required');
    expectSuccess(
      await client.signUpContinueAttributes(SPA_CLIENT_ID, attributes.error.continuationToken!, {
        displayName: 'Dave Both',
      }),
    );
  });

  it.each(POLICY_CASES)(
    'refuses a new password at start with invalid_grant/%s',
    async (suberror, password) => {
      const read = expectError(
        await client.signUpStart(SPA_CLIENT_ID, newAddress(), {
          password,
          attributes: { displayName: 'Dave' },
        }),
      );
      expect(errorSummary(read)).toEqual({
        status: 400,
        error: 'invalid_grant',
        suberror,
        codes: suberror === 'password_too_weak' ? [399246] : [],
        kind: suberror,
      });
    },
  );

  it("refuses a password that contains the address's local part (password_banned)", async () => {
    const read = expectError(
      await client.signUpStart(SPA_CLIENT_ID, 'margaret@contoso.com', {
        password: 'Margaret-2024!',
      }),
    );
    expect(read.kind).toBe('password_banned');
  });

  it.each(POLICY_CASES)(
    'refuses a new password at continue with invalid_grant/%s, and the token stays usable',
    async (suberror, password) => {
      const username = newAddress();
      const { token, code } = await client.signUpToCode(SPA_CLIENT_ID, username, {
        attributes: { displayName: 'Dave' },
      });
      const credential = expectError(await client.signUpContinueCode(SPA_CLIENT_ID, token, code));
      const passwordToken = expectSuccess(
        await client.signUpChallenge(SPA_CLIENT_ID, credential.error.continuationToken!),
      ).continuation_token;
      const refused = expectError(
        await client.signUpContinuePassword(SPA_CLIENT_ID, passwordToken, password),
      );
      expect(errorSummary(refused)).toMatchObject({
        error: 'invalid_grant',
        suberror,
        kind: suberror,
      });
      expectSuccess(
        await client.signUpContinuePassword(SPA_CLIENT_ID, passwordToken, GOOD_PASSWORD),
      );
    },
  );

  it('answers user_already_exists (1003037) for an address the tenant has, whatever its case', async () => {
    for (const username of [ALICE.username, 'Alice@Contoso.COM']) {
      const read = expectError(
        await client.signUpStart(SPA_CLIENT_ID, username, { password: GOOD_PASSWORD }),
      );
      expect(errorSummary(read)).toEqual({
        status: 400,
        error: 'user_already_exists',
        codes: [1003037],
        kind: 'user_already_exists',
      });
    }
  });

  it('answers user_already_exists at continue when another sign-up took the address meanwhile', async () => {
    const username = newAddress();
    const options = { password: GOOD_PASSWORD, attributes: { displayName: 'Dave' } };
    const first = await client.signUpToCode(SPA_CLIENT_ID, username, options);
    const second = await client.signUpToCode(SPA_CLIENT_ID, username, options);
    expectSuccess(await client.signUpContinueCode(SPA_CLIENT_ID, second.token, second.code));
    const read = expectError(
      await client.signUpContinueCode(SPA_CLIENT_ID, first.token, first.code),
    );
    expect(read.kind).toBe('user_already_exists');
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['longer than 256 characters', 'x'.repeat(257)],
  ])('answers attribute_validation_failed naming an attribute that is %s', async (_, value) => {
    const atStart = expectError(
      await client.signUpStart(SPA_CLIENT_ID, newAddress(), {
        password: GOOD_PASSWORD,
        attributes: { displayName: 'Dave', city: value },
      }),
    );
    expect(errorSummary(atStart)).toEqual({
      status: 400,
      error: 'invalid_grant',
      suberror: 'attribute_validation_failed',
      codes: [],
      kind: 'attribute_validation_failed',
    });
    expect(atStart.json['invalid_attributes']).toEqual([
      { name: 'city', reason: expect.any(String) },
    ]);
    expect(atStart.error.invalidAttributes).toEqual([expect.objectContaining({ name: 'city' })]);
  });

  it('answers attribute_validation_failed at continue attributes, and the token stays usable', async () => {
    const username = newAddress();
    const { token, code } = await client.signUpToCode(SPA_CLIENT_ID, username, {
      password: GOOD_PASSWORD,
    });
    const required = expectError(await client.signUpContinueCode(SPA_CLIENT_ID, token, code));
    const attributesToken = required.error.continuationToken!;
    const refused = expectError(
      await client.signUpContinueAttributes(SPA_CLIENT_ID, attributesToken, {
        displayName: 'y'.repeat(257),
      }),
    );
    expect(refused.kind).toBe('attribute_validation_failed');
    expect(refused.json['invalid_attributes']).toEqual([
      { name: 'displayName', reason: expect.any(String) },
    ]);
    expectSuccess(
      await client.signUpContinueAttributes(SPA_CLIENT_ID, attributesToken, { displayName: 'Y' }),
    );
  });

  it('answers invalid_request for attributes that are not a JSON object of strings', async () => {
    const body = {
      client_id: SPA_CLIENT_ID,
      username: newAddress(),
      password: GOOD_PASSWORD,
      attributes: '{"displayName": 42}',
      challenge_type: PASSWORD_APP_TYPES.join(' '),
    };
    const read = expectError(await client.call('signUpStart', body));
    expect(errorSummary(read)).toEqual({
      status: 400,
      error: 'invalid_request',
      codes: [],
      kind: 'other',
    });
  });

  it('answers invalid_grant/invalid_oob_value to a wrong code at continue; the right one then works', async () => {
    const username = newAddress();
    const { token, code } = await client.signUpToCode(SPA_CLIENT_ID, username, {
      password: GOOD_PASSWORD,
      attributes: { displayName: 'Dave' },
    });
    const wrong = expectError(
      await client.signUpContinueCode(
        SPA_CLIENT_ID,
        token,
        code === '00000000' ? '11111111' : '00000000',
      ),
    );
    expect(errorSummary(wrong)).toMatchObject({
      error: 'invalid_grant',
      suberror: 'invalid_oob_value',
      kind: 'invalid_code',
    });
    expectSuccess(await client.signUpContinueCode(SPA_CLIENT_ID, token, code));
  });

  it('a resend at the sign-up challenge replaces the code', async () => {
    const username = newAddress();
    const { token, code: first } = await client.signUpToCode(SPA_CLIENT_ID, username, {
      password: GOOD_PASSWORD,
      attributes: { displayName: 'Dave' },
    });
    const resent = expectSuccess(await client.signUpChallenge(SPA_CLIENT_ID, token));
    expect(resent).toMatchObject({ challenge_type: 'oob', interval: 300 });
    const second = await client.latestCode(username, 'sign-up');
    expect(second).not.toBe(first);
    expect(
      expectError(await client.signUpContinueCode(SPA_CLIENT_ID, resent.continuation_token, first))
        .kind,
    ).toBe('invalid_code');
    expectSuccess(
      await client.signUpContinueCode(SPA_CLIENT_ID, resent.continuation_token, second),
    );
  });

  it('signs a user up with an e-mail code alone in contoso-notes-otp (no password, no attributes)', async () => {
    const username = newAddress();
    const { token, code, body } = await client.signUpToCode(OTP_CLIENT_ID, username, {
      types: OTP_APP_TYPES,
    });
    expect(body).toMatchObject({ challenge_type: 'oob', code_length: 8, interval: 300 });
    const done = expectSuccess(await client.signUpContinueCode(OTP_CLIENT_ID, token, code));
    const tokens = expectSuccess(
      await client.continuationGrant(OTP_CLIENT_ID, done.continuation_token, username),
    );
    expect(jwtPayload(tokens.id_token)).toMatchObject({
      aud: OTP_CLIENT_ID,
      preferred_username: username,
      name: 'unknown',
    });
    // The new user signs in with a code.
    const signIn = await client.codeChallenge(OTP_CLIENT_ID, username);
    expectSuccess(await client.oobGrant(OTP_CLIENT_ID, signIn.token, signIn.code));
  });

  it('answers the redirect when the app cannot take what the user flow needs (a password app without password)', async () => {
    expectRedirect(await client.signUpStart(SPA_CLIENT_ID, newAddress(), { types: OTP_APP_TYPES }));
  });

  it('answers unsupported_grant_type (70003) to a continue grant it does not have', async () => {
    const { token } = await client.signUpToCode(SPA_CLIENT_ID, newAddress(), {
      password: GOOD_PASSWORD,
      attributes: { displayName: 'Dave' },
    });
    const body = {
      ...signUpContinueRequest(SPA_CLIENT_ID, {
        continuationToken: token,
        grantType: 'oob',
        oob: '12345678',
      }),
      grant_type: 'magic_link',
    };
    expect(errorSummary(expectError(await client.call('signUpContinue', body)))).toEqual({
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
