import { createHash } from 'node:crypto';

/**
 * A PartitionKey/RowKey for an arbitrary string key (a username, an IP address, a lockout pair):
 * its SHA-256 in base64url. Table keys forbid `/ \ # ?` and control characters and are limited to
 * 1 KiB; a hash has none of those problems and keeps usernames and addresses out of the table.
 */
export function hashedKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('base64url');
}

/** Characters a PartitionKey or RowKey may not contain. */
const FORBIDDEN_KEY_CHARACTERS = /[/\\#?\u0000-\u001f\u007f-\u009f]/u;

/**
 * Checks a key that is stored as is (a GUID, a base64url id) and so must already be safe; a key
 * that is not is a programming error, not bad client input, which callers validate first.
 */
export function safeKey(key: string): string {
  if (key.length === 0 || key.length > 512 || FORBIDDEN_KEY_CHARACTERS.test(key)) {
    throw new TypeError('not a valid table key');
  }
  return key;
}
