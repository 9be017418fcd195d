import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Refresh tokens are opaque to clients: 256 random bits, base64url. The store keeps only their
 * SHA-256, and a successor is derived from its predecessor with the family's key, so that a
 * retried redemption yields the same successor without the store ever holding a usable token.
 */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new random refresh token for a new family. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new random family key. */
export function newSuccessorKey(): string {
  return randomBytes(32).toString('base64url');
}

/** The successor of `token` in a family: HMAC-SHA256(family key, token). */
export function successorRefreshToken(successorKey: string, token: string): string {
  return createHmac('sha256', Buffer.from(successorKey, 'base64url'))
    .update(token)
    .digest('base64url');
}

/** The lookup key of a token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** True when `token` has the shape of a token this emulator issues. */
export function isWellFormedRefreshToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
