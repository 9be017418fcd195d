import type { StoredUser } from '../stores/user-store';
import { refreshTokenKey } from '../tokens/refresh-token-codec';
import { redeemRefreshToken } from '../tokens/refresh-token-rotation';
import { advanceFlow, flowUserId, readFlow } from './continuation-tokens';
import { requireParam, type NativeAuthContext } from './native-auth-context';
import type { NativeAuthStep } from './native-auth-endpoint';
import { NativeAuthRefusal } from './native-auth-refusal';
import { resolveNativeScope, type NativeScope } from './native-scope';
import { issueNativeTokens, startNativeRefreshFamily } from './native-tokens';
import { sameUsername, emailOf } from './native-auth-users';
import { verifySignInPassword } from './native-lockout';
import { checkCode, withCode } from './one-time-code-step';
import { flowUser } from './sign-in-steps';

/**
 * The token endpoint of native authentication (docs/entra-native-auth-protocol.md §3.3): four
 * grants at one URL. The scope is resolved first, so a request the answer would refuse spends
 * nothing.
 */

/** A user who proved who they are, checked for what still stops a sign-in. */
function checkSignInAllowed(user: StoredUser): void {
  if (!user.accountEnabled)
    throw NativeAuthRefusal.custom(400, 'invalid_grant', [50057], 'The user account is disabled.');
  if (user.forceChangePasswordNextSignIn) throw NativeAuthRefusal.of('password_reset_required');
}

async function signedIn(context: NativeAuthContext, user: StoredUser, scope: NativeScope) {
  checkSignInAllowed(user);
  const refresh = await startNativeRefreshFamily(context, user, scope);
  return issueNativeTokens(context, user, scope, refresh);
}

/** `password` after a password challenge: smart lockout, then the token spent. */
async function passwordGrant(context: NativeAuthContext, scope: NativeScope) {
  const { token, state } = await readFlow(context, 'sign-in', ['password']);
  const password = requireParam(context, 'password');
  const user = await flowUser(context, flowUserId(state));
  await verifySignInPassword(context, user, password);
  checkSignInAllowed(user);
  await advanceFlow(context, token, state, () => ({ action: 'end', result: undefined }));
  return signedIn(context, user, scope);
}

/** `oob` after a code challenge: three wrong tries spend the code; a right one the token. */
async function oobGrant(context: NativeAuthContext, scope: NativeScope) {
  const { token, state } = await readFlow(context, 'sign-in', ['oob']);
  const presented = requireParam(context, 'oob');
  const advanced = await advanceFlow(context, token, state, (current) => {
    const check = checkCode(context, current.data, presented);
    if (check.outcome === 'verified') return { action: 'end', result: true };
    return check.outcome === 'wrong'
      ? { action: 'stay', data: withCode(current.data, check.state), result: false }
      : { action: 'stay', result: false };
  });
  if (!advanced.result) throw NativeAuthRefusal.of('invalid_code');
  return signedIn(context, await flowUser(context, flowUserId(state)), scope);
}

/**
 * `continuation_token` after sign-up or a password reset: the flow's last token; `username`,
 * when sent, must name the flow's user.
 */
async function continuationGrant(context: NativeAuthContext, scope: NativeScope) {
  const { token, state } = await readFlow(context, ['sign-up', 'password-reset'], ['sign-in']);
  const user = await flowUser(context, flowUserId(state));
  const username = context.params.get('username');
  if (username !== undefined && !sameUsername(username, emailOf(user)))
    throw NativeAuthRefusal.custom(
      400,
      'invalid_grant',
      [],
      'The username does not match the account of the continuation_token.',
    );
  checkSignInAllowed(user);
  await advanceFlow(context, token, state, () => ({ action: 'end', result: undefined }));
  return signedIn(context, user, scope);
}

function refreshRefused(codes: number, message: string): NativeAuthRefusal {
  return NativeAuthRefusal.custom(400, 'invalid_grant', [codes], message);
}

/**
 * `refresh_token`: a new refresh token each time; a redeemed one stays valid until it expires
 * (§8), unless the tenant turns reuse detection on. A password reset or a revocation ends every
 * refresh token from before it.
 */
async function refreshGrant(context: NativeAuthContext, scope: NativeScope) {
  const presented = requireParam(context, 'refresh_token');
  const key = refreshTokenKey(presented);
  const grant = key && (await context.runtime.grants.find(key));
  if (!grant || grant.family.clientId.toLowerCase() !== context.client.id.toLowerCase())
    throw refreshRefused(
      9002313,
      "The provided value for the input parameter 'refresh_token' is not valid.",
    );
  const user = await context.runtime.users.get(grant.family.userId);
  if (grant.family.revoked || !user || user.refreshTokensValidFrom > grant.family.authTime)
    throw refreshRefused(
      50173,
      'The provided grant has expired due to it being revoked, a fresh auth token is needed.',
    );
  if (context.now >= grant.token.expiresAt)
    throw refreshRefused(700082, 'The refresh token has expired due to inactivity.');
  checkSignInAllowed(user);
  const tenant = context.runtime.tenant;
  const redemption = await redeemRefreshToken(
    context.runtime.grants,
    grant,
    presented,
    tenant.refreshTokens,
    context.now,
    context.now + tenant.lifetimes.refreshTokenSeconds * 1000,
  );
  if (redemption.outcome === 'reuse_detected') {
    context.emulator.log(`${tenant.name}: refresh token reuse detected; family revoked`);
    throw refreshRefused(
      50173,
      'The provided grant has expired due to it being revoked, a fresh auth token is needed.',
    );
  }
  return issueNativeTokens(context, user, scope, redemption);
}

const GRANTS: Readonly<
  Record<string, (context: NativeAuthContext, scope: NativeScope) => Promise<object>>
> = {
  password: passwordGrant,
  oob: oobGrant,
  continuation_token: continuationGrant,
  refresh_token: refreshGrant,
};

/** POST oauth2/v2.0/token. */
export const nativeAuthToken: NativeAuthStep = async (context) => {
  const grantType = requireParam(context, 'grant_type');
  const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
  if (!grant) throw NativeAuthRefusal.of('unsupported_grant_type');
  const scope = resolveNativeScope(
    context.runtime.tenant,
    context.client,
    context.params.get('scope'),
  );
  return grant(context, scope);
};
