/** Azure AD B2C's part of the tenant model: ROPC user flows (policies) and their settings. */

/** Application claims a user flow can put into tokens (B2C's "Application claims" list). */
export type ApplicationClaim =
  | 'displayName'
  | 'givenName'
  | 'surname'
  | 'emailAddresses'
  | 'identityProvider'
  | 'objectId'
  | `extension_${string}`;

/** Token lifetimes in seconds (docs/b2c-ropc-protocol.md §5.2). */
export interface TokenLifetimes {
  /** Access and id token; B2C range 300–86400, default 3600. */
  readonly accessTokenSeconds: number;
  readonly idTokenSeconds: number;
  /** Refresh token; B2C range 86400–7776000, default 1209600. */
  readonly refreshTokenSeconds: number;
  /** Sliding window; B2C range 86400–31536000 or null for "no expiry"; default 7776000. */
  readonly slidingWindowSeconds: number | null;
}

/** A ROPC user flow (policy). */
export interface UserFlow {
  /** `B2C_1_ROPC_Auth`; matched case-insensitively. */
  readonly name: string;
  readonly type: 'ropc';
  readonly applicationClaims: readonly ApplicationClaim[];
  /** Which claim names the policy: `tfp` (default) or the legacy, lowercased `acr`. */
  readonly policyClaim: 'tfp' | 'acr';
  /**
   * `tenant` (default): `{host}/{tenantId}/v2.0/`; `tfp`: `{host}/tfp/{tenantId}/{policy}/v2.0/`.
   */
  readonly issuerStyle: 'tenant' | 'tfp';
  /** `objectId` (default) or `notSupported` ("Not supported currently. Use oid claim."). */
  readonly subjectClaim: 'objectId' | 'notSupported';
  readonly lifetimes: TokenLifetimes;
  /** Emit `expires_in` as a string ("3600"), like the documented 2017 sample. */
  readonly expiresInAsString: boolean;
}

/** What a B2C tenant adds to the kind-neutral directory (`tenant/tenant-model.ts`). */
export interface B2CUserFlows {
  readonly userFlows: readonly UserFlow[];
}
