import { decodeBase64UrlText, type B2CIdTokenClaims } from '@ropc/protocol';

/**
 * Reads an id token's payload for display (name, email). Does not verify the signature: a public
 * client cannot, and nothing here trusts these claims for access decisions. Returns null when the
 * token is not a readable JWT.
 */
export function decodeIdTokenClaims(idToken: string): B2CIdTokenClaims | null {
  const payload = idToken.split('.')[1];
  if (payload === undefined) return null;
  try {
    const claims: unknown = JSON.parse(decodeBase64UrlText(payload));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as B2CIdTokenClaims)
      : null;
  } catch {
    return null;
  }
}
