/**
 * The tenant FILE format, as `tenant.schema.json` describes it: optional fields may be left out and
 * take their defaults at load time. `parseTenantFile()` turns a file into the model of
 * `tenant-model.ts`; `exportTenant()` writes one back.
 */
import type { ApplicationClaim } from '../b2c/user-flow';

/** Token lifetimes in seconds; each one defaults independently. */
export interface TenantFileLifetimes {
  readonly accessTokenSeconds?: number;
  readonly idTokenSeconds?: number;
  readonly refreshTokenSeconds?: number;
  /** `null` is B2C's "No expiry" sliding window. */
  readonly slidingWindowSeconds?: number | null;
}

/** A ROPC user flow as written in the file. */
export interface TenantFileUserFlow {
  readonly name: string;
  readonly type: 'ropc';
  readonly applicationClaims: readonly ApplicationClaim[];
  readonly policyClaim?: 'tfp' | 'acr';
  readonly issuerStyle?: 'tenant' | 'tfp';
  readonly subjectClaim?: 'objectId' | 'notSupported';
  readonly lifetimes?: TenantFileLifetimes;
  readonly expiresInAsString?: boolean;
}

/** An application registration as written in the file. */
export interface TenantFileApplication {
  readonly id: string;
  readonly name: string;
  readonly publicClient?: boolean;
  readonly implicitFlowAllowed?: boolean;
  readonly ropcEnabled?: boolean;
  readonly identifierUri?: string;
  /** Plain scope values such as `notes.read`. */
  readonly exposedScopes?: readonly string[];
  /** Full scope URIs: `{identifierUri}/{value}`. */
  readonly grantedScopes?: readonly string[];
  readonly enabled?: boolean;
}

/** A sign-in identity as written in the file; `issuer` defaults to the tenant name. */
export interface TenantFileIdentity {
  readonly signInType: 'emailAddress' | 'userName';
  readonly issuer?: string;
  readonly issuerAssignedId: string;
}

/** A user as written in the file: exactly one of `password` (clear text) and `passwordHash`. */
export type TenantFileUser = TenantFileUserProfile & TenantFileUserSecret;

/** Everything about a file user but the password. */
export interface TenantFileUserProfile {
  readonly id: string;
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly identities: readonly TenantFileIdentity[];
  readonly accountEnabled?: boolean;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  readonly passwordPolicies?: string;
  readonly forceChangePasswordNextSignIn?: boolean;
}

/** A clear-text password (hashed at load) or an argon2id PHC string, never both. */
export type TenantFileUserSecret =
  | { readonly password: string; readonly passwordHash?: never }
  | { readonly passwordHash: string; readonly password?: never };

/** Smart lockout and per-IP limit settings as written in the file. */
export interface TenantFileIdentityProtection {
  readonly lockoutThreshold?: number;
  readonly lockoutDurationSeconds?: number;
  readonly lockoutsPerStep?: number;
  readonly maxLockoutSeconds?: number;
  readonly nearIdenticalVariants?: number;
  readonly ipRequestLimit?: { readonly requests: number; readonly windowSeconds: number } | null;
  readonly tenantRequestLimit?: {
    readonly requests: number;
    readonly windowSeconds: number;
  } | null;
}

/** Refresh-token reuse settings as written in the file. */
export interface TenantFileRefreshTokens {
  readonly reuseDetection?: boolean;
  readonly reuseGraceSeconds?: number;
}

/** A whole tenant file. */
export interface TenantFile {
  readonly $schema?: string;
  readonly tenant: { readonly name: string; readonly id: string };
  readonly allowOutOfRangeLifetimes?: boolean;
  readonly userFlows: readonly TenantFileUserFlow[];
  readonly applications: readonly TenantFileApplication[];
  readonly users: readonly TenantFileUser[];
  readonly identityProtection?: TenantFileIdentityProtection;
  readonly refreshTokens?: TenantFileRefreshTokens;
}
