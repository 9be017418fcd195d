/**
 * The tenant file's model, after validation and with defaults applied. The JSON Schema in
 * `tenant.schema.json` describes the file; `loadTenant()` turns a file into this model.
 */
import type { B2CUserFlows } from '../b2c/user-flow';
import type { ExternalIdSettings } from '../external-id/external-id-tenant';

/** A scope an API application exposes, e.g. `notes.read`. */
export interface ExposedScope {
  readonly value: string;
}

/** An application registration. */
export interface Application {
  /** Application (client) id, a GUID. */
  readonly id: string;
  readonly name: string;
  /** "Native client": allowed to use public-client flows such as ROPC. */
  readonly publicClient: boolean;
  /** `oauth2AllowImplicitFlow`: needed for `response_type` containing `token` (AADB2C90057). */
  readonly implicitFlowAllowed: boolean;
  readonly ropcEnabled: boolean;
  /** External ID: "Enable native authentication" on the app. */
  readonly nativeAuthEnabled: boolean;
  /** External ID: the user flow the app is linked to, by name. */
  readonly userFlow?: string;
  /** App ID URI of an API application, e.g. `https://contoso.onmicrosoft.com/api`. */
  readonly identifierUri?: string;
  readonly exposedScopes: readonly ExposedScope[];
  /**
   * Full scope URIs this (client) application was granted, e.g.
   * `https://contoso.onmicrosoft.com/api/notes.read`.
   */
  readonly grantedScopes: readonly string[];
  readonly enabled: boolean;
}

/** A local-account sign-in identity (Graph `identities[]`). */
export interface UserIdentity {
  readonly signInType: 'emailAddress' | 'userName';
  /** The tenant's domain, e.g. `contoso.onmicrosoft.com`. */
  readonly issuer: string;
  readonly issuerAssignedId: string;
}

/** A user as loaded: the password already an argon2id PHC string. */
export interface TenantUser {
  /** Object id, a GUID. */
  readonly id: string;
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly identities: readonly UserIdentity[];
  /** argon2id PHC string; never plaintext. None: an e-mail one-time-code account (External ID). */
  readonly passwordHash?: string;
  readonly accountEnabled: boolean;
  /** `extension_{Name}` values. */
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  /** Graph `passwordPolicies`, e.g. `DisablePasswordExpiration`. */
  readonly passwordPolicies?: string;
  /** Graph `passwordProfile.forceChangePasswordNextSignIn`: ROPC cannot complete it. */
  readonly forceChangePasswordNextSignIn: boolean;
}

/** Smart lockout and service-limit settings (docs/b2c-ropc-protocol.md §6). */
export interface IdentityProtection {
  /** Distinct wrong passwords before a lockout; default 10. */
  readonly lockoutThreshold: number;
  /** First lockout period; default 60. */
  readonly lockoutDurationSeconds: number;
  /** The period doubles after this many lockouts; default 10. */
  readonly lockoutsPerStep: number;
  /** Longest lockout; default 18000 (5 hours). */
  readonly maxLockoutSeconds: number;
  /**
   * How many distinct near-identical wrong passwords one counted failure covers (itself
   * included); 1 counts every distinct password. Default 3 (see `password-fingerprints.ts`).
   */
  readonly nearIdenticalVariants: number;
  /** Per client IP: requests per window; null turns the limit off. Default 6000 per 300 s. */
  readonly ipRequestLimit: RequestLimit | null;
  /** The whole tenant: requests per window; null turns the limit off. Default 200 per second. */
  readonly tenantRequestLimit: RequestLimit | null;
}

/** A service limit: at most `requests` token requests per `windowSeconds`. */
export interface RequestLimit {
  readonly requests: number;
  readonly windowSeconds: number;
}

/** Refresh-token reuse detection. */
export interface RefreshTokenSettings {
  /** A rotated refresh token used again revokes its family (default true). */
  readonly reuseDetection: boolean;
  /** A retry of the same token within this many seconds gets the same successor (default 10). */
  readonly reuseGraceSeconds: number;
}

/**
 * What every tenant has, whatever its authority kind: its names, applications, users, identity
 * protection and refresh-token rules.
 */
export interface TenantDirectory {
  /** `contoso.onmicrosoft.com` */
  readonly name: string;
  /** Tenant id, a GUID. */
  readonly id: string;
  readonly applications: readonly Application[];
  readonly users: readonly TenantUser[];
  readonly identityProtection: IdentityProtection;
  readonly refreshTokens: RefreshTokenSettings;
  /** Lifetimes outside B2C's ranges were accepted (the loader logs this loudly). */
  readonly allowOutOfRangeLifetimes: boolean;
}

/** An Azure AD B2C tenant: the directory and its ROPC user flows (`b2c/user-flow.ts`). */
export type B2CTenant = TenantDirectory & B2CUserFlows & { readonly kind: 'b2c' };

/**
 * A Microsoft Entra External ID tenant: the directory and its native-authentication settings
 * (`external-id/external-id-tenant.ts`).
 */
export type ExternalIdTenant = TenantDirectory & ExternalIdSettings;

/** A tenant of either authority kind; `kind` tells which. */
export type Tenant = B2CTenant | ExternalIdTenant;

/** The kinds of authority the emulator serves. */
export type TenantKind = Tenant['kind'];
