/**
 * The per-policy OpenID Provider metadata B2C serves (docs/b2c-ropc-protocol.md §1.3) and its key
 * set (§1.4).
 *
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export interface OpenIdConfiguration {
  /** `https://{host}/{tenantId}/v2.0/`, with the trailing slash. */
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  /** Absent for ROPC policies (msal-js PR #4173). */
  readonly end_session_endpoint?: string;
  readonly jwks_uri: string;
  readonly response_modes_supported: readonly string[];
  readonly response_types_supported: readonly string[];
  readonly scopes_supported: readonly string[];
  readonly subject_types_supported: readonly string[];
  readonly id_token_signing_alg_values_supported: readonly string[];
  readonly token_endpoint_auth_methods_supported: readonly string[];
  readonly claims_supported: readonly string[];
  readonly grant_types_supported?: readonly string[];
}

/** A B2C signing key: exactly `kid, nbf, use, kty, e, n` — no `alg`, `x5c` or `x5t`. */
export interface B2CJsonWebKey {
  readonly kid: string;
  /** Epoch seconds from which the key is used. */
  readonly nbf: number;
  readonly use: 'sig';
  readonly kty: 'RSA';
  readonly e: string;
  readonly n: string;
}

/** A policy's JSON Web Key Set. */
export interface B2CJsonWebKeySet {
  readonly keys: readonly B2CJsonWebKey[];
}

const REQUIRED_METADATA = ['issuer', 'token_endpoint', 'jwks_uri'] as const;

/** True when `value` has the fields a ROPC client and a resource server need from discovery. */
export function isOpenIdConfiguration(value: unknown): value is OpenIdConfiguration {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return REQUIRED_METADATA.every((field) => typeof record[field] === 'string');
}
