import { normaliseUsername } from '@ropc/identity-protection';
import type { PasswordGrantRequest, TokenResponseBody } from '@ropc/protocol';
import { randomBytes } from 'node:crypto';
import { B2CError } from '../b2c-error';
import { SmartLockout } from '../../protection/smart-lockout';
import type { StoredUser } from '../../stores/user-store';
import { hashPassword, verifyPassword } from '../../tenant/password-hasher';
import { checkClient, checkResponseType } from './client-checks';
import { newRefreshTokenFamily, newSuccessorKey } from '../../tokens/refresh-token-codec';
import { refreshTokenExpiresAt } from '../tokens/refresh-token-lifetime';
import { resolveScope, type ScopeResolution } from './scope-resolution';
import { issueTokens, plannedTokens } from '../tokens/token-issuer';
import type { TokenRequestContext } from './token-request-context';

/** B2C's text for an expired password (its `UserMessageIfPasswordExpired`). */
export const PASSWORD_MUST_CHANGE_MESSAGE = 'Your password has expired.';

/** Verified against when the user does not exist, so that unknown names cost a full hash too. */
let decoyHash: Promise<string> | undefined;

async function checkPassword(user: StoredUser | undefined, password: string): Promise<boolean> {
  decoyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  return valid && user !== undefined;
}

function lockedError(retryAfterSeconds: number): B2CError {
  return new B2CError('AADB2C90114', [], {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** Validates everything a client controls before any password work or lockout counting. */
function checkRequest(context: TokenRequestContext, request: PasswordGrantRequest) {
  const tenant = context.runtime.tenant;
  const client = checkClient(tenant, request);
  const responseTypes = checkResponseType(client, request.response_type);
  if (request.scope === undefined && request.resource === undefined)
    throw new B2CError('AADB2C90010');
  const scope = resolveScope(tenant, client, request.scope, request.resource);
  plannedTokens(scope, responseTypes, client.id);
  return { client, responseTypes, scope };
}

/**
 * Admits the password check with smart lockout (one atomic decision, before any hashing), checks
 * the password, then records the outcome: a wrong one counts, a right one resets the pair unless
 * checks that finished first have locked it meanwhile.
 */
async function authenticate(
  context: TokenRequestContext,
  request: PasswordGrantRequest,
): Promise<StoredUser> {
  const { lockout, users } = context.runtime;
  const key = SmartLockout.key(context.clientIp, normaliseUsername(request.username));
  const admission = await lockout.admit(key);
  if (!admission.admitted) throw lockedError(admission.retryAfterSeconds);
  const user = await users.findBySignInName(request.username);
  if (!(await checkPassword(user, request.password)) || !user) {
    const after = await lockout.recordFailure(key, admission.ticket, request.password);
    if (after.locked) throw lockedError(after.retryAfterSeconds);
    throw new B2CError('AADB2C90225');
  }
  const after = await lockout.recordSuccess(key, admission.ticket);
  if (after.locked) throw lockedError(after.retryAfterSeconds);
  // Only after a correct password, so that the state of an account is not disclosed to guessers.
  if (!user.accountEnabled) throw new B2CError('AADB2C90111');
  // ROPC cannot complete a password change (docs/b2c-ropc-protocol.md §8.1). B2C's code for this
  // is not established: the emulator answers its failed-sign-in code with B2C's own text for an
  // expired password, so a client treats it as a failed sign-in (one that shows server text can
  // say why).
  if (user.forceChangePasswordNextSignIn)
    throw new B2CError('AADB2C90225', [], { message: PASSWORD_MUST_CHANGE_MESSAGE });
  return user;
}

async function startRefreshFamily(
  context: TokenRequestContext,
  user: StoredUser,
  clientId: string,
  scope: ScopeResolution,
): Promise<{ token: string; expiresAt: number }> {
  const { token, key } = newRefreshTokenFamily();
  const expiresAt = refreshTokenExpiresAt(context.flow.lifetimes, context.now, context.now);
  await context.runtime.grants.createFamily(
    {
      id: key.familyId,
      userId: user.id,
      clientId,
      policy: context.flow.name,
      scope: scope.values.join(' '),
      authTime: context.now,
      successorKey: newSuccessorKey(),
      revoked: false,
    },
    { ...key, issuedAt: context.now, expiresAt },
  );
  return { token, expiresAt };
}

/** The password grant (RFC 6749 §4.3) as a B2C ROPC user flow answers it. */
export const passwordGrant = {
  grantType: 'password',
  async handler(
    context: TokenRequestContext,
    request: PasswordGrantRequest,
  ): Promise<TokenResponseBody> {
    const { client, responseTypes, scope } = checkRequest(context, request);
    const user = await authenticate(context, request);
    const refreshToken = scope.offlineAccess
      ? await startRefreshFamily(context, user, client.id, scope)
      : undefined;
    return issueTokens({
      tenant: context.runtime.tenant,
      flow: context.flow,
      client,
      user,
      issuer: context.issuer,
      scope,
      responseTypes,
      authTime: context.now,
      now: context.now,
      key: await context.runtime.keys.current(),
      ...(refreshToken ? { refreshToken } : {}),
    });
  },
} as const;
