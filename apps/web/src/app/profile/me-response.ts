/** `GET /api/me` (docs/architecture.md, "Protected API"): who the API thinks the caller is. */
export interface MeResponse {
  readonly oid: string | null;
  readonly name: string | null;
  readonly emails: readonly string[];
  readonly scopes: readonly string[];
  readonly policy: string | null;
  /** ISO 8601, from the access token's `iat`. */
  readonly issuedAt: string;
  /** ISO 8601, from the access token's `exp`. */
  readonly expiresAt: string;
}
