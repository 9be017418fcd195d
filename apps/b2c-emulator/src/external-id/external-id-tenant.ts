/**
 * Microsoft Entra External ID's part of the tenant model: its sign-up and sign-in user flows, token
 * lifetimes and the switches for behaviours public sources leave unconfirmed
 * (docs/entra-native-auth-protocol.md §10).
 */

/** How a user flow signs users in: "Email with password" or "Email one-time passcode". */
export type SignInMethod = 'emailPassword' | 'emailOtp';

/** An attribute a user flow collects at sign-up. */
export interface CollectedAttribute {
  /** Programmatic name: `displayName`, `city`, … or `extension_{appId}_{name}`. */
  readonly name: string;
  readonly required: boolean;
}

/** A sign-up and sign-in user flow. */
export interface ExternalIdUserFlow {
  readonly name: string;
  readonly signInMethod: SignInMethod;
  readonly signUpEnabled: boolean;
  readonly attributes: readonly CollectedAttribute[];
}

/** Token lifetimes in seconds. */
export interface ExternalIdLifetimes {
  readonly accessTokenSeconds: number;
  readonly idTokenSeconds: number;
  readonly refreshTokenSeconds: number;
}

/** Unconfirmed behaviours a client could notice, each with the emulator's default guess. */
export interface ExternalIdFidelity {
  /** Routes written with the tenant id answer too (§1.1). Default true. */
  readonly tenantIdPaths: boolean;
  /** `client_info`'s alphabet (§8). Default `base64url` without padding. */
  readonly clientInfoEncoding: 'base64url' | 'base64';
  /** A code asked for before the challenge's `interval` passed is refused (§4.2). Default false. */
  readonly enforceResendInterval: boolean;
}

/** What an External ID tenant adds to the kind-neutral directory (`tenant/tenant-model.ts`). */
export interface ExternalIdSettings {
  readonly kind: 'external-id';
  readonly userFlows: readonly ExternalIdUserFlow[];
  readonly lifetimes: ExternalIdLifetimes;
  readonly fidelity: ExternalIdFidelity;
}

/** 60-minute access and id tokens, 24-hour refresh tokens (a single-page app's, §8). */
export const EXTERNAL_ID_LIFETIME_DEFAULTS: ExternalIdLifetimes = {
  accessTokenSeconds: 3600,
  idTokenSeconds: 3600,
  refreshTokenSeconds: 86400,
};

export const EXTERNAL_ID_FIDELITY_DEFAULTS: ExternalIdFidelity = {
  tenantIdPaths: true,
  clientInfoEncoding: 'base64url',
  enforceResendInterval: false,
};
