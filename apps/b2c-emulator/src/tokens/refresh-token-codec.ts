import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { RefreshTokenKey } from '../stores/refresh-grant-store';

/**
 * Refresh tokens are opaque to clients: `{family id}.{secret}`, the family's UUID and 256 bits
 * (base64url). The family id in front lets a store read the token with its family in one request
 * (Table storage keeps a family in one partition); the secret makes the token unguessable. The
 * store keeps only the SHA-256 of the whole token, and a successor is its predecessor's family id
 * with HMAC-SHA256(family key, predecessor) as its secret, so that a retried redemption yields the
 * same successor without the store ever holding a usable token.
 *
 * Tokens issued before the family id was in front (43 characters) do not have this shape, and
 * read as unknown: their grants were kept under another layout and are not carried over.
 */
const TOKEN_SHAPE =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[A-Za-z0-9_-]{43}$/;

/** The first refresh token of a new family, with the family's new id and the token's key. */
export function newRefreshTokenFamily(): { readonly token: string; readonly key: RefreshTokenKey } {
  const familyId = randomUUID();
  const token = `${familyId}.${randomBytes(32).toString('base64url')}`;
  return { token, key: { familyId, hash: hashRefreshToken(token) } };
}

/** A new random family key. */
export function newSuccessorKey(): string {
  return randomBytes(32).toString('base64url');
}

/** The successor of `token`, a well-formed token of the family whose key is `successorKey`. */
export function successorRefreshToken(successorKey: string, token: string): string {
  const secret = createHmac('sha256', Buffer.from(successorKey, 'base64url'))
    .update(token)
    .digest('base64url');
  return `${familyIdOf(token)}.${secret}`;
}

/**
 * Where a store keeps `token`: its family id and its hash. Undefined for a string that is not a
 * token this emulator issues (junk, a tampered or an old-shaped token), which then reads as an
 * unknown token without a lookup, and without hashing an attacker's megabytes.
 */
export function refreshTokenKey(token: string): RefreshTokenKey | undefined {
  const familyId = TOKEN_SHAPE.exec(token)?.[1];
  return familyId === undefined ? undefined : { familyId, hash: hashRefreshToken(token) };
}

function familyIdOf(token: string): string {
  const familyId = TOKEN_SHAPE.exec(token)?.[1];
  if (familyId === undefined) throw new TypeError('not a refresh token this emulator issues');
  return familyId;
}

function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
