/**
 * The claims of a JWT, unverified: the tests read what the authority issued; the API verifies.
 * Throws when `token` is not three base64url parts.
 */
export function readJwtClaims(token: string): Record<string, unknown> {
  const parts = token.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined) {
    throw new Error(`not a JWT of three parts: ${token.slice(0, 40)}…`);
  }
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A NumericDate claim (`iat`, `exp`) as the API's `/api/me` writes it: ISO 8601. */
export function claimTime(claims: Record<string, unknown>, name: 'iat' | 'exp'): string {
  const seconds = claims[name];
  if (typeof seconds !== 'number') throw new Error(`the token has no numeric ${name}`);
  return new Date(seconds * 1000).toISOString();
}
