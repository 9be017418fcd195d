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
export interface TenantFileSignInIdentity {
  readonly signInType: 'emailAddress' | 'userName';
  readonly issuer?: string;
  readonly issuerAssignedId: string;
}

/** The tenant's names. */
export interface TenantFileIdentity {
  readonly name: string;
  readonly id: string;
}

/** A user as written in the file: exactly one of `password` (clear text) and `passwordHash`. */
export type TenantFileUser = TenantFileUserProfile & TenantFileUserSecret;

/** Everything about a file user but the password. */
export interface TenantFileUserProfile {
  readonly id: string;
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly identities: readonly TenantFileSignInIdentity[];
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

/** A B2C tenant as written in the file; on its own, a whole version 1 file. */
export interface TenantFile {
  readonly $schema?: string;
  readonly kind?: 'b2c';
  readonly tenant: TenantFileIdentity;
  readonly allowOutOfRangeLifetimes?: boolean;
  readonly userFlows: readonly TenantFileUserFlow[];
  readonly applications: readonly TenantFileApplication[];
  readonly users: readonly TenantFileUser[];
  readonly identityProtection?: TenantFileIdentityProtection;
  readonly refreshTokens?: TenantFileRefreshTokens;
}

/** An External ID user flow as written in the file. */
export interface TenantFileExternalIdUserFlow {
  readonly name: string;
  readonly signInMethod: 'emailPassword' | 'emailOtp';
  readonly signUpEnabled?: boolean;
  readonly attributes?: readonly { readonly name: string; readonly required?: boolean }[];
}

/** An External ID application as written in the file. */
export interface TenantFileExternalIdApplication {
  readonly id: string;
  readonly name: string;
  readonly publicClient?: boolean;
  readonly nativeAuthEnabled?: boolean;
  readonly userFlow?: string;
  readonly identifierUri?: string;
  readonly exposedScopes?: readonly string[];
  readonly grantedScopes?: readonly string[];
  readonly enabled?: boolean;
}

/** An External ID user: at most one of `password` and `passwordHash` (none: codes only). */
export type TenantFileExternalIdUser = TenantFileUserProfile & {
  readonly password?: string;
  readonly passwordHash?: string;
};

/** An External ID tenant as written in the file. */
export interface TenantFileExternalIdTenant {
  readonly kind: 'external-id';
  readonly tenant: TenantFileIdentity;
  readonly allowOutOfRangeLifetimes?: boolean;
  readonly userFlows: readonly TenantFileExternalIdUserFlow[];
  readonly applications: readonly TenantFileExternalIdApplication[];
  readonly users: readonly TenantFileExternalIdUser[];
  readonly lifetimes?: {
    readonly accessTokenSeconds?: number;
    readonly idTokenSeconds?: number;
    readonly refreshTokenSeconds?: number;
  };
  readonly identityProtection?: TenantFileIdentityProtection;
  readonly refreshTokens?: TenantFileRefreshTokens;
  readonly fidelity?: {
    readonly tenantIdPaths?: boolean;
    readonly clientInfoEncoding?: 'base64url' | 'base64';
    readonly enforceResendInterval?: boolean;
  };
}

/** One tenant of a version 2 file. */
export type TenantFileEntry = TenantFile | TenantFileExternalIdTenant;

/** A version 2 tenant file: several tenants, each of its kind. */
export interface TenantFileV2 {
  readonly $schema?: string;
  readonly tenants: readonly TenantFileEntry[];
}

/** Any tenant file the loader reads: version 2, or version 1 (one B2C tenant). */
export type AnyTenantFile = TenantFileV2 | TenantFile;
