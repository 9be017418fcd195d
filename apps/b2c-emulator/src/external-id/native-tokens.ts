import { buildNativeAuthIssuer, createNativeAuthTokenResponse } from '@ropc/protocol/native-auth';
import { SignJWT } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import type { SigningKey } from '../keys/signing-key';
import type { StoredUser } from '../stores/user-store';
import { newRefreshTokenFamily, newSuccessorKey } from '../tokens/refresh-token-codec';
import type { NativeAuthContext } from './native-auth-context';
import type { NativeScope } from './native-scope';
import { emailOf } from './native-auth-users';

/** The refresh token a token answer hands out, with its end of life (epoch ms). */
export interface IssuedRefreshToken {
  readonly token: string;
  readonly expiresAt: number;
}

/**
 * A pairwise `sub` (§8): stable for one user and one app, different between apps, and not the
 * object id — 32 bytes of SHA-256 over tenant, app and user, base64url.
 */
function pairwiseSubject(tenantId: string, appId: string, userId: string): string {
  return createHash('sha256')
    .update(`${tenantId.toLowerCase()}|${appId.toLowerCase()}|${userId.toLowerCase()}`)
    .digest('base64url');
}

function sign(claims: Record<string, unknown>, key: SigningKey): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: key.kid })
    .sign(key.privateKey);
}

/**
 * Starts a refresh-token family for a sign-in: the first token, stored by its hash only, valid
 * for the tenant's `refreshTokenSeconds` (24 hours by default, a single-page app's, §8).
 */
export async function startNativeRefreshFamily(
  context: NativeAuthContext,
  user: StoredUser,
  scope: NativeScope,
): Promise<IssuedRefreshToken> {
  const { token, key } = newRefreshTokenFamily();
  const expiresAt = context.now + context.runtime.tenant.lifetimes.refreshTokenSeconds * 1000;
  await context.runtime.grants.createFamily(
    {
      id: key.familyId,
      userId: user.id,
      clientId: context.client.id,
      policy: context.client.userFlow ?? '',
      scope: scope.granted,
      authTime: context.now,
      successorKey: newSuccessorKey(),
      revoked: false,
    },
    { ...key, issuedAt: context.now, expiresAt },
  );
  return { token, expiresAt };
}

/**
 * The token answer (§3.4, §8): a v2 id token for the app and a v2 access token for the API the
 * scope names, both signed by the tenant's current key, with External ID's claims — issuer
 * `{origin}/{tenantId}/v2.0`, `tid`, `oid`, a pairwise `sub`, `preferred_username`, `name`
 * (`unknown` when the user has none), `ver` 2.0, no `tfp` — and `client_info` naming the same
 * user and tenant as the id token.
 */
export async function issueNativeTokens(
  context: NativeAuthContext,
  user: StoredUser,
  scope: NativeScope,
  refresh: IssuedRefreshToken,
) {
  const { tenant } = context.runtime;
  const key = await context.runtime.keys.current();
  const iat = Math.floor(context.now / 1000);
  const lifetimes = tenant.lifetimes;
  const common = {
    iss: buildNativeAuthIssuer(tenant.id, { origin: context.origin }),
    iat,
    nbf: iat,
    name: user.displayName.trim() === '' ? 'unknown' : user.displayName,
    oid: user.id,
    preferred_username: emailOf(user),
    tid: tenant.id,
    ver: '2.0',
  };
  const accessToken = await sign(
    {
      aud: scope.audience,
      ...common,
      exp: iat + lifetimes.accessTokenSeconds,
      azp: context.client.id,
      azpacr: '0',
      scp: scope.permissions.join(' '),
      sub: pairwiseSubject(tenant.id, scope.audience, user.id),
      uti: randomUUID(),
    },
    key,
  );
  const idToken = await sign(
    {
      aud: context.client.id,
      ...common,
      exp: iat + lifetimes.idTokenSeconds,
      sub: pairwiseSubject(tenant.id, context.client.id, user.id),
    },
    key,
  );
  const body = createNativeAuthTokenResponse({
    accessToken,
    idToken,
    refreshToken: refresh.token,
    clientInfo: { uid: user.id, utid: tenant.id },
    scope: scope.granted,
    expiresIn: lifetimes.accessTokenSeconds,
    extExpiresIn: lifetimes.accessTokenSeconds,
    refreshTokenExpiresIn: Math.max(1, Math.ceil((refresh.expiresAt - context.now) / 1000)),
  });
  if (tenant.fidelity.clientInfoEncoding === 'base64url') return body;
  // §8, §10: MSAL's own fixtures write padded standard base64; the switch answers that way.
  const json = JSON.stringify({ uid: user.id, utid: tenant.id });
  return { ...body, client_info: Buffer.from(json, 'utf8').toString('base64') };
}
