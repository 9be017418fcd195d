/**
 * Claims of B2C tokens (`ver` 1.0, docs/b2c-ropc-protocol.md §5.1). Optional claims depend on the
 * user flow's application claims and token compatibility settings.
 */

/** Claims common to B2C id tokens and access tokens. */
export interface B2CCommonClaims {
  readonly iss: string;
  readonly aud: string;
  /** Epoch seconds. */
  readonly exp: number;
  readonly nbf: number;
  readonly iat: number;
  readonly ver: '1.0';
  /** The object id, or the literal "Not supported currently. Use oid claim." by setting. */
  readonly sub: string;
  /** The user's object id, when the "Object ID" application claim is selected. */
  readonly oid?: string;
  /** The policy name (default policy claim). */
  readonly tfp?: string;
  /** The policy name, lowercased, for the legacy `acr` policy-claim setting. */
  readonly acr?: string;
  /** `LocalAccount` for ROPC. */
  readonly idp?: string;
  readonly name?: string;
  readonly given_name?: string;
  readonly family_name?: string;
  /** User flows send an array; custom policies often send `email` instead. */
  readonly emails?: readonly string[];
  readonly email?: string;
  readonly tid?: string;
  /** Custom attributes: `extension_{AttributeName}`. */
  readonly [extension: `extension_${string}`]: unknown;
}

/** An id token's claims: `aud` is the client id. */
export interface B2CIdTokenClaims extends B2CCommonClaims {
  /** Epoch seconds. */
  readonly auth_time?: number;
  /**
   * Left half of SHA-256 of the access token, base64url (OIDC Core §3.1.3.6); with an access token.
   */
  readonly at_hash?: string;
  readonly nonce?: string;
}

/** An access token's claims: `aud` is the API's application id (or the client id). */
export interface B2CAccessTokenClaims extends B2CCommonClaims {
  /** The client application id. */
  readonly azp: string;
  /** Space-separated permission names (`notes.read notes.write`); absent for a client-id scope. */
  readonly scp?: string;
  /** Application roles, when a custom policy emits them. */
  readonly roles?: readonly string[];
}

/** The policy named by a token: `tfp`, else `acr`. Compare it with `policyEquals`. */
export function policyOfClaims(claims: Pick<B2CCommonClaims, 'tfp' | 'acr'>): string | undefined {
  return claims.tfp ?? claims.acr;
}
