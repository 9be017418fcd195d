import {
  ALICE,
  API_APP_ID,
  CLIENT_ID,
  NOTES_READ,
  POLICY,
  TENANT,
  aliceSignIn,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';
import { decodeJwt } from 'jose';

const ERROR_DESCRIPTION =
  /^(AADB2C\d{5}): (.+)\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\r\n$/;

/** Asserts B2C's error shape exactly and returns the AADB2C code and message. */
function expectB2CError(
  body: Record<string, unknown>,
  error: string,
): { code: string; message: string } {
  expect(Object.keys(body)).toEqual(['error', 'error_description']);
  expect(body['error']).toBe(error);
  const match = ERROR_DESCRIPTION.exec(String(body['error_description']));
  expect(match).not.toBeNull();
  return { code: match?.[1] ?? '', message: match?.[2] ?? '' };
}

describe('b2c-emulator token endpoint', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it('answers the seed walkthrough request (?p= form, client id scope) with the B2C fields', async () => {
    const body =
      'username=alice%40contoso.com&password=Alice-Passw0rd!&grant_type=password' +
      `&scope=openid+${CLIENT_ID}+offline_access&client_id=${CLIENT_ID}&response_type=token+id_token`;
    const response = await fetch(`${emulator.url}/${TENANT}/oauth2/v2.0/token?p=${POLICY}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const json = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'access_token',
      'id_token',
      'token_type',
      'not_before',
      'expires_in',
      'expires_on',
      'resource',
      'id_token_expires_in',
      'profile_info',
      'refresh_token',
      'refresh_token_expires_in',
    ]);
    expect(json).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      resource: CLIENT_ID,
      id_token_expires_in: 3600,
      refresh_token_expires_in: 1209600,
    });
    expect(json['expires_on']).toBe((json['not_before'] as number) + 3600);
    const access = decodeJwt(json['access_token'] as string);
    expect(access).toMatchObject({
      aud: CLIENT_ID,
      azp: CLIENT_ID,
      tfp: POLICY,
      ver: '1.0',
      idp: 'LocalAccount',
    });
    expect(access['scp']).toBeUndefined();
  });

  it('accepts the path and tfp forms of the token URL', async () => {
    for (const url of [
      tokenUrl(emulator),
      `${emulator.url}/tfp/${TENANT}/${POLICY}/oauth2/v2.0/token`,
    ]) {
      const { status } = await postForm(url, aliceSignIn());
      expect(status).toBe(200);
    }
  });

  it('gives an API scope its audience and scp, and the lowercase policy name still matches', async () => {
    const { status, body } = await postForm(
      tokenUrl(emulator, POLICY.toLowerCase()),
      aliceSignIn({ scope: `openid ${NOTES_READ}` }),
    );
    expect(status).toBe(200);
    expect(body['resource']).toBe(API_APP_ID);
    expect(body['refresh_token']).toBeUndefined();
    expect(decodeJwt(body['access_token'] as string)).toMatchObject({
      aud: API_APP_ID,
      scp: 'notes.read',
    });
  });

  it('emits expires_in as a string for a flow with expiresInAsString, with acr and the tfp issuer', async () => {
    const { body } = await postForm(tokenUrl(emulator, 'B2C_1_Legacy'), aliceSignIn());
    expect(body['expires_in']).toBe('3600');
    const id = decodeJwt(body['id_token'] as string);
    expect(id['acr']).toBe('b2c_1_legacy');
    expect(id['tfp']).toBeUndefined();
    expect(id['sub']).toBe('Not supported currently. Use oid claim.');
    expect(id['iss']).toBe(
      `${emulator.url}/tfp/04fbcc13-aa6a-4630-aacc-9c6a9e838418/B2C_1_Legacy/v2.0/`,
    );
  });

  it('issues no id_token without id_token in response_type (docs/b2c-ropc-protocol.md §8.1)', async () => {
    const { status, body } = await postForm(
      tokenUrl(emulator),
      aliceSignIn({ response_type: 'token' }),
    );
    expect(status).toBe(200);
    expect(body['id_token']).toBeUndefined();
    expect(body['access_token']).toEqual(expect.any(String));
  });

  it.each([
    ['a wrong password', 'access_denied', 'AADB2C90225', { password: 'wrong' }],
    ['an unknown user', 'access_denied', 'AADB2C90225', { username: 'nobody@contoso.com' }],
    [
      'a disabled account',
      'access_denied',
      'AADB2C90111',
      { username: 'carol', password: 'Carol-Passw0rd!' },
    ],
    [
      'an unknown client',
      'invalid_client',
      'AADB2C90018',
      { client_id: '00000000-0000-0000-0000-000000000000' },
    ],
    [
      'a confidential client',
      'unauthorized_client',
      'AADB2C90058',
      { client_id: '7d1c0e0a-1111-4a4a-9a9a-000000000001', scope: 'openid' },
    ],
    [
      'an app without ROPC',
      'unauthorized_client',
      'AADB2C90224',
      { client_id: '7d1c0e0a-1111-4a4a-9a9a-000000000002', scope: 'openid' },
    ],
    [
      'an app without implicit flow',
      'unauthorized_client',
      'AADB2C90057',
      { client_id: '7d1c0e0a-1111-4a4a-9a9a-000000000003', scope: 'openid' },
    ],
    [
      'a disabled app',
      'unauthorized_client',
      'AADB2C90092',
      { client_id: '7d1c0e0a-1111-4a4a-9a9a-000000000004', scope: 'openid' },
    ],
    ['an unknown scope', 'invalid_scope', 'AADB2C90117', { scope: 'openid read' }],
    [
      'two resources',
      'invalid_scope',
      'AADB2C90146',
      { scope: `openid ${NOTES_READ} https://contoso.onmicrosoft.com/billing/billing.read` },
    ],
    [
      'the client id with an API scope',
      'invalid_scope',
      'AADB2C90146',
      { scope: `${CLIENT_ID} ${NOTES_READ}` },
    ],
    [
      'an illegal scope character',
      'invalid_scope',
      'AADB2C99005',
      { scope: 'openid,offline_access' },
    ],
    ['no scope', 'invalid_request', 'AADB2C90010', { scope: '' }],
    ['nothing to issue', 'invalid_request', 'AADB2C90107', { scope: 'offline_access' }],
    [
      'an unsupported response type',
      'unsupported_response_type',
      'AADB2C90013',
      { response_type: 'code' },
    ],
    ['no client id', 'invalid_request', 'AADB2C90008', { client_id: '' }],
    ['no password', 'invalid_request', 'AADB2C90083', { password: '' }],
    [
      'another grant type',
      'unsupported_grant_type',
      'AADB2C90086',
      { grant_type: 'client_credentials' },
    ],
  ])('refuses %s with 400 %s %s', async (_case, error, code, overrides) => {
    const { status, body } = await postForm(tokenUrl(emulator), aliceSignIn(overrides));
    expect(status).toBe(400);
    expect(expectB2CError(body, error).code).toBe(code);
    expect(JSON.stringify(body)).not.toContain(ALICE.password);
  });

  it('ignores a client_secret sent by a public client, as B2C does not validate it', async () => {
    const { status, body } = await postForm(
      tokenUrl(emulator),
      aliceSignIn({ client_secret: 'shh' }),
    );
    expect(status).toBe(200);
    expect(body).toHaveProperty('access_token');
  });

  it('answers invalid_grant AADB2C90085 to a token request that names no policy', async () => {
    const { status, body } = await postForm(
      `${emulator.url}/${TENANT}/oauth2/v2.0/token`,
      aliceSignIn(),
    );
    expect(status).toBe(400);
    expect(expectB2CError(body, 'invalid_grant')).toEqual({
      code: 'AADB2C90085',
      message:
        'The service has encountered an internal error. Please reauthenticate and try again.',
    });
  });

  it('refuses a user who must change the password, with B2C’s expired-password text, only after the right password', async () => {
    const email = 'grace@contoso.com';
    const password = 'Grace-Passw0rd!';
    const created = await emulator.admin('POST', '/v1.0/users', {
      displayName: 'Grace Example',
      identities: [{ signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: email }],
      passwordProfile: { password, forceChangePasswordNextSignIn: true },
      passwordPolicies: 'DisablePasswordExpiration',
    });
    expect(created.status).toBe(201);
    const right = await postForm(tokenUrl(emulator), aliceSignIn({ username: email, password }));
    expect(right.status).toBe(400);
    expect(expectB2CError(right.body, 'access_denied')).toEqual({
      code: 'AADB2C90225',
      message: 'Your password has expired.',
    });
    const wrong = await postForm(
      tokenUrl(emulator),
      aliceSignIn({ username: email, password: 'Not-Grace-1!' }),
    );
    expect(expectB2CError(wrong.body, 'access_denied')).toEqual({
      code: 'AADB2C90225',
      message: 'The username or password provided in the request are invalid.',
    });
  });

  it('names the policy in AADB2C90066 for an unknown policy', async () => {
    const { status, body } = await postForm(tokenUrl(emulator, 'B2C_1_Nope'), aliceSignIn());
    expect(status).toBe(400);
    expect(expectB2CError(body, 'invalid_request')).toEqual({
      code: 'AADB2C90066',
      message: "Invalid policy 'B2C_1_Nope' was specified in the request.",
    });
  });

  it.each(['GET', 'PUT', 'DELETE'])('answers %s with AADB2C90226', async (method) => {
    const response = await fetch(tokenUrl(emulator), { method });
    expect(response.status).toBe(400);
    expect(
      expectB2CError((await response.json()) as Record<string, unknown>, 'invalid_request').code,
    ).toBe('AADB2C90226');
  });

  it('reads a JSON body as a request without parameters', async () => {
    const response = await fetch(tokenUrl(emulator), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(aliceSignIn()),
    });
    expect(response.status).toBe(400);
    const { code, message } = expectB2CError(
      (await response.json()) as Record<string, unknown>,
      'invalid_request',
    );
    expect([code, message]).toEqual([
      'AADB2C90083',
      'The request is missing required parameter: grant_type.',
    ]);
  });

  it('refuses invalid UTF-8 and duplicated parameters with 400', async () => {
    const invalid = await fetch(tokenUrl(emulator), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(aliceSignIn()).toString() + '&password=%C3%28',
    });
    expect(invalid.status).toBe(400);
    const duplicate = await fetch(tokenUrl(emulator), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(aliceSignIn()).toString() + '&password=again',
    });
    const { message } = expectB2CError(
      (await duplicate.json()) as Record<string, unknown>,
      'invalid_request',
    );
    expect(message).toBe('The request has a duplicate parameter: password.');
  });

  it('refuses a body over 16 KiB with 413 in B2C shape', async () => {
    const { status, body } = await postForm(
      tokenUrl(emulator),
      aliceSignIn({ padding: 'x'.repeat(17 * 1024) }),
    );
    expect(status).toBe(413);
    expect(expectB2CError(body, 'invalid_request').code).toBe('AADB2C90083');
  });

  it('sends no CORS headers on the token endpoint in strict mode', async () => {
    const { headers } = await postForm(tokenUrl(emulator), aliceSignIn(), {
      Origin: 'http://localhost:4200',
    });
    expect(headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never prints a password or token in its log', async () => {
    const { body } = await postForm(tokenUrl(emulator), aliceSignIn());
    await postForm(tokenUrl(emulator), aliceSignIn({ password: 'Typo-Passw0rd!' }));
    expect(emulator.output()).not.toContain(ALICE.password);
    expect(emulator.output()).not.toContain('Typo-Passw0rd!');
    expect(emulator.output()).not.toContain(String(body['refresh_token']));
    expect(emulator.output()).not.toContain(String(body['access_token']).slice(-40));
  });
});
