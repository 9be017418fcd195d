import { randomBytes } from 'node:crypto';
import { bundleSdkPage, type SdkPageBundle } from '@ropc/native-auth-testing';
import { createExternalIdStackOptions } from './support/external-id-stack-options';
import { CODE_LENGTH, EXTERNAL_ID_NOTES_SCOPES, PASSWORD_APP } from './support/external-id-tenant';
import { openSdkPage } from './support/open-sdk-page';
import { claimTime, readJwtClaims } from './support/read-jwt-claims';
import type { SdkStepOutcome as StepReport } from './support/sdk-step-outcome';
import { useTestStack } from './support/use-test-stack';

/**
 * What a real app configures: the bare ciamlogin.com host. MSAL adds the tenant itself and never
 * calls it: every call goes to `customAuth.authApiProxyUrl`.
 */
const AUTHORITY = 'https://contosoid.ciamlogin.com/';
const [NOTES_READ] = EXTERNAL_ID_NOTES_SCOPES;

/** A step's outcome without its handle (a page-local name), for whole-object comparison. */
const outcome = ({ handle: _handle, ...report }: StepReport): Omit<StepReport, 'handle'> => report;

function handleOf(report: StepReport): string {
  if (report.handle === undefined) throw new Error(`no state to go on: ${JSON.stringify(report)}`);
  return report.handle;
}

/**
 * Microsoft's `@azure/msal-browser` 5.31.0 `CustomAuthPublicClientApplication`, unmodified, on the
 * web origin with `customAuth.authApiProxyUrl = {web origin}/api/auth/native`: the native-auth
 * proxy's pass-through (`AUTH_NATIVE_PASSTHROUGH=on`) serves it as the authority would, through
 * the same web server and API as the Angular client.
 */
describe("Microsoft's SDK through the native-auth proxy's pass-through on the web origin", () => {
  const fixture = useTestStack(
    createExternalIdStackOptions('password', { AUTH_NATIVE_PASSTHROUGH: 'on' }),
  );
  let bundle: SdkPageBundle | undefined;

  beforeAll(async () => {
    bundle = await bundleSdkPage();
  }, 30_000);

  it('signs a new user up with the e-mailed code, signs in with the password, gets and force-refreshes an access token that the API takes as External ID’s', async () => {
    const { webUrl } = fixture.stack;
    const dana = {
      email: `dana-${randomBytes(4).toString('hex')}@contoso.com`,
      password: 'Dana-Passw0rd!',
      displayName: 'Dana Scully',
    };
    const context = await fixture.newContext();
    if (!bundle) throw new Error('the SDK page was not bundled: see beforeAll');
    const { sdk, created } = await openSdkPage(context, webUrl, bundle, {
      clientId: PASSWORD_APP.clientId,
      authority: AUTHORITY,
      authApiProxyUrl: `${webUrl}/api/auth/native`,
      challengeTypes: PASSWORD_APP.challengeTypes,
    });
    expect(created).toBe('CustomAuthPublicClientApplication');

    const signUp = await sdk.call('signUp', {
      username: dana.email,
      password: dana.password,
      attributes: { displayName: dana.displayName },
    });
    expect(outcome(signUp)).toEqual({
      state: 'SignUpCodeRequiredState',
      is: ['isCodeRequired'],
      codeLength: CODE_LENGTH,
    });
    const code = await fixture.stack.waitForCode(dana.email, 'sign-up');
    const signedUp = await sdk.call('submitCode', { handle: handleOf(signUp), code });
    expect(outcome(signedUp)).toEqual({ state: 'SignUpCompletedState', is: ['isCompleted'] });

    const signIn = await sdk.call('signIn', { username: dana.email, password: dana.password });
    expect(signIn).toMatchObject({
      state: 'SignInCompletedState',
      is: ['isCompleted'],
      account: { username: dana.email, name: dana.displayName },
    });
    const first = await sdk.call('getAccessToken', { scopes: [NOTES_READ], forceRefresh: false });
    // toMatchObject, so that a failure shows the SDK's error beside the state.
    expect(first).toMatchObject({
      state: 'GetAccessTokenCompletedState',
      is: ['isCompleted'],
      token: { tokenType: 'Bearer' },
    });
    const forced = await sdk.call('getAccessToken', { scopes: [NOTES_READ], forceRefresh: true });
    expect(forced).toMatchObject({
      state: 'GetAccessTokenCompletedState',
      is: ['isCompleted'],
      token: { tokenType: 'Bearer', fromCache: false },
    });
    const accessToken = forced.token?.accessToken ?? '';
    expect(accessToken).not.toBe(first.token?.accessToken);

    const me = await fetch(`${webUrl}/api/me`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    const claims = readJwtClaims(accessToken);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      oid: claims['oid'],
      name: dana.displayName,
      emails: [dana.email],
      scopes: ['notes.read'],
      policy: null,
      authority: fixture.stack.externalIdAuthority,
      issuedAt: claimTime(claims, 'iat'),
      expiresAt: claimTime(claims, 'exp'),
    });
    expect(claims['oid']).toBe(signIn.account?.idTokenClaims['oid']);

    // Pass-through: the SDK talked only to the web origin's proxy, and no cookie was set.
    const native = sdk.requests
      .filter((request) => !request.includes('/sdk-test.'))
      .map((request) => request.replace(webUrl, '').replace(/\?[^ ]*/, ''));
    expect(native).toEqual([
      'POST /api/auth/native/signup/v1.0/start 200',
      'POST /api/auth/native/signup/v1.0/challenge 200',
      'POST /api/auth/native/signup/v1.0/continue 200',
      'POST /api/auth/native/oauth2/v2.0/initiate 200',
      'POST /api/auth/native/oauth2/v2.0/challenge 200',
      // The password grant, then two refresh-token grants: MSAL treats the e2e tenant's 60-second
      // access token as expiring (under 300 s left), so even the first getAccessToken refreshes.
      'POST /api/auth/native/oauth2/v2.0/token 200',
      'POST /api/auth/native/oauth2/v2.0/token 200',
      'POST /api/auth/native/oauth2/v2.0/token 200',
    ]);
    expect(await context.cookies()).toEqual([]);
  });
});
