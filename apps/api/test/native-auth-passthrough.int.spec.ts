import { startNativeProxyStack, type NativeProxyStack } from './native-proxy-stack';
import {
  EXTERNAL_ALICE,
  EXTERNAL_NOTES_READ,
  SPA_CLIENT_ID,
  signInExternalId,
} from './external-id-sign-in';
import { XHR, post, type Answer } from './proxy-client';
import { WEB_ORIGIN } from './start-stack';

// The native-authentication proxy's pass-through mode (AUTH_NATIVE_PASSTHROUGH=on), as Microsoft's
// SDK uses it (CustomAuthPublicClientApplication with authApiProxyUrl = {origin}/api/auth/native):
// the authority's answers unchanged apart from the wrapped continuation tokens, the refresh token
// in the body, no cookie. The authority is the emulator behind a counting relay.

const CARETS = 'password oob redirect';
const SCOPE = `openid offline_access ${EXTERNAL_NOTES_READ}`;
const REQUEST_ID = '0b6e7c52-3f1a-4c8e-9d27-5a4b3c2d1e0f';
/** What the SDK's fetch sends from the web app's page: its origin, no X-Requested-With. */
const SDK = { Origin: WEB_ORIGIN, 'client-request-id': REQUEST_ID };

describe('the native-authentication proxy (pass-through on)', () => {
  let stack: NativeProxyStack;
  let emulator: NativeProxyStack['emulator'];
  let relay: NativeProxyStack['relay'];
  let api: NativeProxyStack['api'];

  beforeAll(async () => {
    stack = await startNativeProxyStack({ AUTH_NATIVE_PASSTHROUGH: 'on' });
    ({ emulator, relay, api } = stack);
  }, 60_000);

  afterAll(() => stack.stop());

  const call = (
    path: string,
    form: Record<string, string>,
    headers: Record<string, string> = SDK,
  ): Promise<Answer> => post(`${api.url}/api/auth/native/${path}`, form, headers);

  const token = (answer: Answer): string => String(answer.body['continuation_token']);

  it("answers the SDK's sign-in as the authority does — refresh token in the body, no cookie — with only the continuation tokens wrapped", async () => {
    const initiated = await call('oauth2/v2.0/initiate', {
      client_id: SPA_CLIENT_ID,
      username: EXTERNAL_ALICE.username,
      challenge_type: CARETS,
    });
    expect(initiated.status).toBe(200);
    expect(Object.keys(initiated.body)).toEqual(['continuation_token']);
    expect(token(initiated).split('.')).toHaveLength(5);
    expect(initiated.headers.get('x-ms-request-id')).toBeTruthy();
    expect(initiated.headers.get('cache-control')).toBe('no-store');
    // Correlation headers went upstream; cookies and the host's own did not.
    const challenged = await call(
      'oauth2/v2.0/challenge',
      { continuation_token: token(initiated), challenge_type: CARETS },
      { ...SDK, Cookie: 'ropc_device=x; other=y', 'X-Internal-Secret': 'no' },
    );
    expect(relay.lastHeaders['client-request-id']).toBe(REQUEST_ID);
    expect(relay.lastHeaders['cookie']).toBeUndefined();
    expect(relay.lastHeaders['x-internal-secret']).toBeUndefined();
    expect(relay.lastHeaders['origin']).toBeUndefined();
    expect(challenged.body).toMatchObject({ challenge_type: 'password' });
    const signedIn = await call('oauth2/v2.0/token', {
      client_id: SPA_CLIENT_ID,
      continuation_token: token(challenged),
      grant_type: 'password',
      password: EXTERNAL_ALICE.password,
      scope: SCOPE,
      client_info: '1',
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.getSetCookie()).toEqual([]);
    expect(typeof signedIn.body['refresh_token']).toBe('string');
    expect(Object.keys(signedIn.body)).toEqual(
      Object.keys(await signInExternalId(emulator.url, EXTERNAL_ALICE, [EXTERNAL_NOTES_READ])),
    );

    // The SDK refreshes with the refresh_token grant through the proxy too.
    const refreshed = await call('oauth2/v2.0/token', {
      client_id: SPA_CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: String(signedIn.body['refresh_token']),
      scope: SCOPE,
      client_info: '1',
    });
    expect(refreshed.status).toBe(200);
    expect(typeof refreshed.body['refresh_token']).toBe('string');
    expect(refreshed.headers.getSetCookie()).toEqual([]);
  });

  it("passes the authority's errors on unchanged, with a continuation token wrapped", async () => {
    const initiated = await call('oauth2/v2.0/initiate', {
      username: EXTERNAL_ALICE.username,
      challenge_type: CARETS,
    });
    const challenged = await call('oauth2/v2.0/challenge', {
      continuation_token: token(initiated),
      challenge_type: CARETS,
    });
    const wrong = await call('oauth2/v2.0/token', {
      continuation_token: token(challenged),
      grant_type: 'password',
      password: 'Not-Alice-Passw0rd!',
      scope: SCOPE,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      error: 'invalid_grant',
      error_codes: [50126],
      correlation_id: REQUEST_ID,
    });
  });

  it('takes an SDK call from the same origin (Sec-Fetch-Site) and refuses one from no or another origin', async () => {
    const form = { username: EXTERNAL_ALICE.username, challenge_type: CARETS };
    expect(
      (await call('oauth2/v2.0/initiate', form, { 'Sec-Fetch-Site': 'same-origin' })).status,
    ).toBe(200);
    const before = relay.total();
    expect((await call('oauth2/v2.0/initiate', form, {})).status).toBe(403);
    expect(
      (
        await call('oauth2/v2.0/initiate', form, {
          Origin: 'https://evil.example',
          'Sec-Fetch-Site': 'same-origin',
        })
      ).status,
    ).toBe(403);
    expect(relay.total()).toBe(before);
  });

  it("keeps the modes apart: a cookie-mode wrapper is refused in pass-through, and pass-through's in cookie mode", async () => {
    const form = { username: EXTERNAL_ALICE.username, challenge_type: CARETS };
    const cookieMode = await call('oauth2/v2.0/initiate', form, XHR);
    const sdk = await call('oauth2/v2.0/initiate', form);
    const before = relay.total();
    const crossed = [
      await call('oauth2/v2.0/challenge', {
        continuation_token: token(cookieMode),
        challenge_type: CARETS,
      }),
      await call(
        'oauth2/v2.0/challenge',
        { continuation_token: token(sdk), challenge_type: CARETS },
        XHR,
      ),
    ];
    for (const answer of crossed) expect(answer.body).toMatchObject({ error: 'invalid_grant' });
    expect(relay.total()).toBe(before);
  });
});
