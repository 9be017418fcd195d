import type { Tenant, UserFlow } from '../tenant/tenant-model';
import type { StoredUser } from '../stores/user-store';

/** B2C's `sub` when the user flow's subject setting is "Not supported". */
export const SUB_NOT_SUPPORTED = 'Not supported currently. Use oid claim.';

/** The identity provider of every local account, as B2C names it. */
export const LOCAL_ACCOUNT_IDP = 'LocalAccount';

/**
 * The claims a user flow's "application claims" put into both tokens, in B2C's claim names.
 * Claims without a value (no surname, no email identity) are left out, as B2C does.
 */
export function userFlowClaims(user: StoredUser, flow: UserFlow): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  const emails = user.identities
    .filter((identity) => identity.signInType === 'emailAddress')
    .map((identity) => identity.issuerAssignedId);
  for (const claim of flow.applicationClaims) {
    switch (claim) {
      case 'displayName':
        claims['name'] = user.displayName;
        break;
      case 'givenName':
        if (user.givenName !== undefined) claims['given_name'] = user.givenName;
        break;
      case 'surname':
        if (user.surname !== undefined) claims['family_name'] = user.surname;
        break;
      case 'emailAddresses':
        if (emails.length > 0) claims['emails'] = emails;
        break;
      case 'identityProvider':
        claims['idp'] = LOCAL_ACCOUNT_IDP;
        break;
      case 'objectId':
        claims['oid'] = user.id;
        break;
      default:
        if (Object.hasOwn(user.attributes, claim)) claims[claim] = user.attributes[claim];
    }
  }
  return claims;
}

/** The `sub` claim under the flow's subject setting. */
export function subjectClaim(user: StoredUser, flow: UserFlow): string {
  return flow.subjectClaim === 'notSupported' ? SUB_NOT_SUPPORTED : user.id;
}

/** The policy claim: `tfp` as configured, or the legacy `acr`, lowercased as B2C writes it. */
export function policyClaim(flow: UserFlow): Record<string, string> {
  return flow.policyClaim === 'acr' ? { acr: flow.name.toLowerCase() } : { tfp: flow.name };
}

/** The tenant's `profile_info` fields for a user. */
export function profileInfoFields(tenant: Tenant, user: StoredUser) {
  return {
    ver: '1.0' as const,
    tid: tenant.id,
    sub: null,
    name: user.displayName,
    preferred_username: null,
    idp: LOCAL_ACCOUNT_IDP,
  };
}
