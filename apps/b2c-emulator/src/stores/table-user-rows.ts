import { normaliseUsername } from '@ropc/identity-protection';
import { hashedKey, type RowToWrite } from '@ropc/table-storage';
import type { StoredUser } from './user-store';

/**
 * The rows of the users table. Every row of a tenant is in its one partition,
 * `users-{tenant id}` ({@link usersPartition}), so that a user and the index rows of its sign-in
 * names change together in one transaction (Table storage transactions are per partition):
 *
 * - `user:{lowercase object id}`: the StoredUser as JSON, split over `json0..jsonN` string
 *   properties, with `jsonChunks` and `format`;
 * - `name:{hashedKey(normalised sign-in name)}`: `userId`, the owner of that sign-in name;
 * - `seeded`: present once the tenant file (or an admin reset or import) has filled the store.
 */
export function usersPartition(tenantId: string): string {
  return `users-${tenantId.toLowerCase()}`;
}

/**
 * The one partition of a store written before tenants had their own (a version 1 tenant file):
 * its rows move to the first B2C tenant's partition (`TableUserStore.adoptLegacyPartition`).
 */
export const LEGACY_USERS_PARTITION = 'users';

/** The marker row of a seeded store. */
export const SEEDED_ROW_KEY = 'seeded';

/** Bumped when the JSON layout changes, so that a newer layout is refused, not misread. */
const USER_ROW_FORMAT = 1;

/**
 * A string property holds at most 64 KiB (32,768 UTF-16 code units), an entity 1 MiB. A user
 * created through Graph (64 KiB body) fits in three chunks; the tenant file's size rule
 * (MAX_USER_JSON_LENGTH) keeps an imported user within five.
 */
const CHUNK_LENGTH = 30_000;

/** Object ids are GUIDs; anything else names no user and must not reach a table key. */
const USER_ID = /^[0-9A-Za-z-]{1,64}$/u;

/** The properties of a user row as read back. */
export interface UserRowProperties {
  readonly format: number;
  readonly jsonChunks: number;
  readonly [chunk: `json${number}`]: string;
}

/** The properties of a sign-in name row. */
export interface SignInNameRowProperties {
  readonly userId: string;
}

/** The row key of a user, or undefined for an id no user can have. */
export function userRowKey(id: string): string | undefined {
  return USER_ID.test(id) ? `user:${id.toLowerCase()}` : undefined;
}

/** The range of user row keys, for listing users. */
export const USER_ROW_KEY_RANGE = { from: 'user:', before: 'user;' } as const;

/** The row key of a sign-in name: hashed, so that no username is stored as a key. */
export function signInNameRowKey(signInName: string): string {
  return `name:${hashedKey(normaliseUsername(signInName))}`;
}

/** The sign-in name row keys of a user, without repeats. */
export function signInNameRowKeys(user: StoredUser): Set<string> {
  return new Set(user.identities.map((identity) => signInNameRowKey(identity.issuerAssignedId)));
}

/** The user row to write. */
export function userRow(partitionKey: string, rowKey: string, user: StoredUser): RowToWrite {
  const chunks = splitJson(JSON.stringify(user));
  return {
    partitionKey,
    rowKey,
    format: USER_ROW_FORMAT,
    jsonChunks: chunks.length,
    ...Object.fromEntries(chunks.map((chunk, index) => [`json${index}`, chunk])),
  };
}

/** The index row of one sign-in name. */
export function signInNameRow(partitionKey: string, rowKey: string, userId: string): RowToWrite {
  return { partitionKey, rowKey, userId: userId.toLowerCase() };
}

/** The user a row holds. */
export function readUserRow(row: UserRowProperties): StoredUser {
  if (row.format !== USER_ROW_FORMAT) {
    throw new TypeError(
      `user row format ${row.format} is not ${USER_ROW_FORMAT}: a newer emulator wrote it`,
    );
  }
  const chunks = Array.from({ length: row.jsonChunks }, (_, index) => row[`json${index}`]);
  return JSON.parse(chunks.join('')) as StoredUser;
}

/** Splits JSON into property-sized chunks, never between the two halves of a surrogate pair. */
function splitJson(json: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < json.length) {
    let end = Math.min(json.length, start + CHUNK_LENGTH);
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end--;
    chunks.push(json.slice(start, end));
    start = end;
  }
  return chunks;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
