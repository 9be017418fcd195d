import { createHash, randomBytes } from 'node:crypto';

/** A continuation token: 256 random bits in base64url, 43 characters. */
const FLOW_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new continuation token and its hash. Opaque to the client (docs/entra-native-auth-protocol.md §2.3) and
 * unguessable: 256 bits from the CSPRNG, so that holding one is the only way into its flow.
 */
export function newFlowToken(): { readonly token: string; readonly hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

/**
 * The key a store files a token under: its SHA-256 in base64url, so that a store never holds a
 * usable token. Undefined for a string that cannot be one of this store's tokens, which then reads
 * as unknown without a lookup (and without hashing an attacker's megabytes).
 */
export function flowTokenHash(token: string): string | undefined {
  return FLOW_TOKEN_SHAPE.test(token) ? sha256(token) : undefined;
}

function sha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
