import {
  OFFLINE_ACCESS_SCOPE,
  OPENID_SCOPE,
  parseScope,
  policyEquals,
  type RefreshTokenGrantRequest,
  type TokenResponseBody,
} from '@ropc/protocol';
import { B2CError } from '../b2c-error';
import type { FoundRefreshGrant, RefreshGrantFamily } from '../../stores/refresh-grant-store';
import type { StoredUser } from '../../stores/user-store';
import { checkClient, checkResponseType } from './client-checks';
import { refreshTokenKey } from '../../tokens/refresh-token-codec';
import { redeemRefreshToken } from '../../tokens/refresh-token-rotation';
import { refreshTokenExpiresAt, slidingWindowEnd } from '../tokens/refresh-token-lifetime';
import { resolveScope } from './scope-resolution';
import { issueTokens, plannedTokens } from '../tokens/token-issuer';
import type { TokenRequestContext } from './token-request-context';

type Grant = FoundRefreshGrant;

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** AADB2C90090 for a token the tenant does not know: junk, tampered, or of the old shape. */
async function findGrant(context: TokenRequestContext, token: string): Promise<Grant> {
  const key = refreshTokenKey(token);
  const found = key && (await context.runtime.grants.find(key));
  if (!found) throw new B2CError('AADB2C90090');
  return found;
}

/** Checks that the grant belongs here: same client, same policy, live family and live user. */
async function checkBinding(
  context: TokenRequestContext,
  grant: Grant,
  clientId: string,
): Promise<StoredUser> {
  const { family } = grant;
  if (family.clientId.toLowerCase() !== clientId.toLowerCase())
    throw new B2CError('AADB2C90279', [clientId]);
  if (!policyEquals(family.policy, context.flow.name)) {
    throw new B2CError('AADB2C90088', [context.flow.name, family.policy]);
  }
  if (family.revoked) throw new B2CError('AADB2C90129');
  const user = await context.runtime.users.get(family.userId);
  if (!user) throw new B2CError('AADB2C90128');
  if (user.refreshTokensValidFrom > family.authTime) throw new B2CError('AADB2C90129');
  if (!user.accountEnabled) throw new B2CError('AADB2C90111');
  return user;
}

/** AADB2C90080 after the token's own lifetime or the family's sliding window. */
function checkExpiry(context: TokenRequestContext, grant: Grant): void {
  const windowEnd = slidingWindowEnd(context.flow.lifetimes, grant.family.authTime);
  const times = [seconds(context.now), seconds(grant.token.issuedAt)];
  if (context.now >= windowEnd) throw new B2CError('AADB2C90080', [...times, seconds(windowEnd)]);
  if (context.now >= grant.token.expiresAt) {
    const message =
      'The provided grant has expired. Please re-authenticate and try again. ' +
      `Current time: ${times[0]}, Grant issued time: ${times[1]}, Grant expiration time: ${seconds(grant.token.expiresAt)}.`;
    throw new B2CError('AADB2C90080', [], { message });
  }
}

/**
 * Redeems the token (`redeemRefreshToken`): a reuse outside the grace period, with detection on,
 * revokes the whole family and answers AADB2C90129.
 */
async function rotate(
  context: TokenRequestContext,
  grant: Grant,
  token: string,
): Promise<{ token: string; expiresAt: number }> {
  const expiresAt = refreshTokenExpiresAt(
    context.flow.lifetimes,
    grant.family.authTime,
    context.now,
  );
  const settings = context.runtime.tenant.refreshTokens;
  const redemption = await redeemRefreshToken(
    context.runtime.grants,
    grant,
    token,
    settings,
    context.now,
    expiresAt,
  );
  if (redemption.outcome === 'redeemed') return redemption;
  context.emulator.log(`refresh token reuse detected; family ${grant.family.id} revoked`);
  throw new B2CError('AADB2C90129');
}

/**
 * The scope of a redemption: the request's own, else the grant's. With only `resource` (the seed
 * walkthrough's form) the grant's OpenID values are kept and the resource replaces its resources.
 */
function refreshScope(request: RefreshTokenGrantRequest, family: RefreshGrantFamily): string {
  if (request.scope !== undefined) return request.scope;
  if (request.resource === undefined) return family.scope;
  const openIdValues = new Set([OPENID_SCOPE, OFFLINE_ACCESS_SCOPE]);
  return parseScope(family.scope)
    .filter((value) => openIdValues.has(value.toLowerCase()))
    .join(' ');
}

/** The refresh grant (RFC 6749 §6) with B2C's binding, expiry and rotation rules. */
export const refreshGrant = {
  grantType: 'refresh_token',
  async handler(
    context: TokenRequestContext,
    request: RefreshTokenGrantRequest,
  ): Promise<TokenResponseBody> {
    const tenant = context.runtime.tenant;
    const client = checkClient(tenant, request);
    const responseTypes = checkResponseType(client, request.response_type);
    const grant = await findGrant(context, request.refresh_token);
    const user = await checkBinding(context, grant, client.id);
    checkExpiry(context, grant);
    const scope = resolveScope(
      tenant,
      client,
      refreshScope(request, grant.family),
      request.resource,
    );
    plannedTokens(scope, responseTypes, client.id);
    const refreshToken = await rotate(context, grant, request.refresh_token);
    return issueTokens({
      tenant,
      flow: context.flow,
      client,
      user,
      issuer: context.issuer,
      scope,
      responseTypes,
      authTime: grant.family.authTime,
      now: context.now,
      key: await context.runtime.keys.current(),
      refreshToken,
    });
  },
} as const;
