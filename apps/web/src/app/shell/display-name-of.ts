import type { B2CIdTokenClaims } from '@ropc/protocol';

/**
 * What to call the signed-in person: the display name, else the first e-mail address (user flows
 * send `emails`, custom policies often `email`), else a neutral word. The name claim is optional
 * in B2C: it depends on the user flow's application claims.
 */
export function displayNameOf(claims: B2CIdTokenClaims | null): string {
  if (claims === null) return '';
  return claims.name ?? claims.emails?.[0] ?? claims.email ?? 'Signed in';
}
