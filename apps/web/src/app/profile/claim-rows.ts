import type { B2CIdTokenClaims } from '@ropc/protocol';

/** One row of the raw claims table. */
export interface ClaimRow {
  readonly name: string;
  readonly value: string;
}

/**
 * Every claim of the id token as text, sorted by name: strings as they are, anything else
 * (numbers, arrays, objects) as JSON, so nothing the token says is hidden or reinterpreted.
 */
export function claimRows(claims: B2CIdTokenClaims): ClaimRow[] {
  return Object.entries(claims)
    .map(([name, value]: [string, unknown]) => ({
      name,
      value: typeof value === 'string' ? value : JSON.stringify(value),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
