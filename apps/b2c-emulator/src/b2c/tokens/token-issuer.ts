import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { encodeProfileInfo, type TokenResponseBody } from '@ropc/protocol';
import { B2CError } from '../b2c-error';
import type { SigningKey } from '../../keys/signing-key';
import type { StoredUser } from '../../stores/user-store';
import type { Application, Tenant } from '../../tenant/tenant-model';
import type { UserFlow } from '../user-flow';
import type { ScopeResolution } from '../grants/scope-resolution';
import { policyClaim, profileInfoFields, subjectClaim, userFlowClaims } from './user-claims';

/** Everything one token response is made from. */
export interface TokenIssue {
  readonly tenant: Tenant;
  readonly flow: UserFlow;
  readonly client: Application;
  readonly user: StoredUser;
  /** The `iss` value for this request's host. */
  readonly issuer: string;
  readonly scope: ScopeResolution;
  readonly responseTypes: ReadonlySet<string>;
  /** Epoch ms of the password sign-in. */
  readonly authTime: number;
  /** Epoch ms. */
  readonly now: number;
  readonly key: SigningKey;
  /** The refresh token to hand out, with its end of life (epoch ms). */
  readonly refreshToken?: { readonly token: string; readonly expiresAt: number };
}

/**
 * Decides which tokens a request gets: an id token only with `openid` in scope and `id_token` in
 * response_type (docs/b2c-ropc-protocol.md §8.1); an access token only for a resource scope.
 *
 * @throws B2CError AADB2C90107 when neither would be issued.
 */
export function plannedTokens(
  scope: ScopeResolution,
  responseTypes: ReadonlySet<string>,
  clientId: string,
): { idToken: boolean; accessToken: boolean } {
  const planned = {
    idToken: scope.openid && responseTypes.has('id_token'),
    accessToken: !!scope.resource,
  };
  if (!planned.idToken && !planned.accessToken) throw new B2CError('AADB2C90107', [clientId]);
  return planned;
}

/** `at_hash`: the left half of SHA-256 of the access token, base64url (OIDC Core §3.1.3.6). */
function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}

function sign(claims: Record<string, unknown>, key: SigningKey): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: key.kid })
    .sign(key.privateKey);
}

async function signAccessToken(
  issue: TokenIssue,
  iat: number,
  exp: number,
): Promise<string | undefined> {
  const resource = issue.scope.resource;
  if (!resource) return undefined;
  const scp = resource.permissions.length > 0 ? { scp: resource.permissions.join(' ') } : {};
  return sign(
    {
      iss: issue.issuer,
      exp,
      nbf: iat,
      aud: resource.audience,
      ...userFlowClaims(issue.user, issue.flow),
      sub: subjectClaim(issue.user, issue.flow),
      ...policyClaim(issue.flow),
      ...scp,
      azp: issue.client.id,
      ver: '1.0',
      iat,
    },
    issue.key,
  );
}

function signIdToken(
  issue: TokenIssue,
  iat: number,
  accessToken: string | undefined,
): Promise<string> {
  return sign(
    {
      exp: iat + issue.flow.lifetimes.idTokenSeconds,
      nbf: iat,
      ver: '1.0',
      iss: issue.issuer,
      sub: subjectClaim(issue.user, issue.flow),
      aud: issue.client.id,
      iat,
      auth_time: Math.floor(issue.authTime / 1000),
      ...userFlowClaims(issue.user, issue.flow),
      ...policyClaim(issue.flow),
      ...(accessToken ? { at_hash: accessTokenHash(accessToken) } : {}),
    },
    issue.key,
  );
}

/**
 * Signs the tokens and writes the response body in B2C's field order (docs/b2c-ropc-protocol.md
 * §3).
 */
export async function issueTokens(issue: TokenIssue): Promise<TokenResponseBody> {
  const planned = plannedTokens(issue.scope, issue.responseTypes, issue.client.id);
  const iat = Math.floor(issue.now / 1000);
  const lifetime = issue.flow.lifetimes.accessTokenSeconds;
  const accessToken = await signAccessToken(issue, iat, iat + lifetime);
  const idToken = planned.idToken ? await signIdToken(issue, iat, accessToken) : undefined;
  const refresh = issue.refreshToken;
  return {
    ...(accessToken ? { access_token: accessToken } : {}),
    ...(idToken ? { id_token: idToken } : {}),
    token_type: 'Bearer',
    not_before: iat,
    ...(accessToken
      ? {
          expires_in: issue.flow.expiresInAsString ? String(lifetime) : lifetime,
          expires_on: iat + lifetime,
          resource: issue.scope.resource?.audience,
        }
      : {}),
    ...(idToken ? { id_token_expires_in: issue.flow.lifetimes.idTokenSeconds } : {}),
    profile_info: encodeProfileInfo(profileInfoFields(issue.tenant, issue.user)),
    ...(refresh
      ? {
          refresh_token: refresh.token,
          refresh_token_expires_in: Math.max(0, Math.ceil((refresh.expiresAt - issue.now) / 1000)),
        }
      : {}),
  };
}
