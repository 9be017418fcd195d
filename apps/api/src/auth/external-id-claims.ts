import { isTenantId } from '@ropc/protocol/native-auth';
import { TokenValidationError } from '@ropc/token-validation';

/** The tenant id of an External ID issuer, `{origin}/{tenantId}/v2.0` (§1.3), else undefined. */
function tenantOfIssuer(issuer: unknown): string | undefined {
  if (typeof issuer !== 'string') return undefined;
  const tenant = /\/([^/]+)\/v2\.0$/.exec(issuer)?.[1];
  return tenant !== undefined && isTenantId(tenant) ? tenant.toLowerCase() : undefined;
}

/**
 * What only an External ID token must also be (docs/entra-native-auth-protocol.md §1.3, §8), run
 * by its validator after the signature, issuer, audience and lifetime checks: `tid` names the
 * tenant of the issuer (`{origin}/{tenantId}/v2.0`), and `ver` is 2.0.
 */
export function checkExternalIdClaims(claims: Readonly<Record<string, unknown>>): void {
  const { iss, tid, ver } = claims;
  const tenant = tenantOfIssuer(iss);
  if (tenant === undefined || typeof tid !== 'string' || tid.toLowerCase() !== tenant) {
    throw new TokenValidationError('ERR_ISSUER_INVALID', {
      detail: 'tid is not the tenant of the issuer',
    });
  }
  if (ver !== '2.0') {
    throw new TokenValidationError('ERR_TOKEN_MALFORMED', { detail: 'ver is not 2.0' });
  }
}
