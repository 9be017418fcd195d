import type { Tenant } from '../../tenant/tenant-model';
import type { UserFlow } from '../user-flow';
import type { StoredUser } from '../../stores/user-store';

/** B2C's `sub` when the user flow's subject setting is "Not supported". */
export const SUB_NOT_SUPPORTED = 'Not supported currently. Use oid claim.';

/** The identity provider of every local account, as B2C names it. */
export const LOCAL_ACCOUNT_IDP = 'LocalAccount';

/** A built-in application claim of a user flow: its name in tokens and its value for a user. */
interface ApplicationClaim {
  readonly name: string;
  /** Undefined leaves the claim out, as B2C does for a user without the value. */
  value(user: StoredUser): unknown;
}

const emailsOf = (user: StoredUser): string[] =>
  user.identities
    .filter((identity) => identity.signInType === 'emailAddress')
    .map((identity) => identity.issuerAssignedId);

/** The user-flow application claims B2C offers, by the name the tenant file uses. */
const APPLICATION_CLAIMS: Readonly<Record<string, ApplicationClaim>> = {
  displayName: { name: 'name', value: (user) => user.displayName },
  givenName: { name: 'given_name', value: (user) => user.givenName },
  surname: { name: 'family_name', value: (user) => user.surname },
  emailAddresses: {
    name: 'emails',
    value: (user) => {
      const emails = emailsOf(user);
      return emails.length > 0 ? emails : undefined;
    },
  },
  identityProvider: { name: 'idp', value: () => LOCAL_ACCOUNT_IDP },
  objectId: { name: 'oid', value: (user) => user.id },
};

/** The name in tokens of a user flow's application claim (an extension attribute keeps its own). */
export function applicationClaimName(claim: string): string {
  return Object.hasOwn(APPLICATION_CLAIMS, claim)
    ? (APPLICATION_CLAIMS[claim]?.name ?? claim)
    : claim;
}

/**
 * The claims a user flow's "application claims" put into both tokens, in B2C's claim names.
 * Claims without a value (no surname, no email identity) are left out, as B2C does.
 */
export function userFlowClaims(user: StoredUser, flow: UserFlow): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const claim of flow.applicationClaims) {
    const builtIn = Object.hasOwn(APPLICATION_CLAIMS, claim)
      ? APPLICATION_CLAIMS[claim]
      : undefined;
    if (builtIn) {
      const value = builtIn.value(user);
      if (value !== undefined) claims[builtIn.name] = value;
    } else if (Object.hasOwn(user.attributes, claim)) {
      claims[claim] = user.attributes[claim];
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
