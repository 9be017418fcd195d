import type { StorageTable } from '@ropc/table-storage';
import { randomBytes } from 'node:crypto';
import { SECRETS_PARTITION } from './secret-rows';

/** The key of one-time codes' keyed hashes (`flows/one-time-code.ts`), base64url. */
export const ONE_TIME_CODE_KEY_ROW_KEY = 'one-time-code-key';

/** The key of the outbox's mailbox HMACs and sealed codes (`outbox/table-outbox-store.ts`). */
export const OUTBOX_KEY_ROW_KEY = 'outbox-key';

interface SecretRow {
  /** 32 random bytes, base64url. */
  readonly key: string;
}

/**
 * A 32-byte secret that every instance on one store shares, in the secrets table's row `rowKey`:
 * created by the first instance to ask (an insert: the first writer wins) and read by the others.
 * The secrets table is never cleared by a tenant reset, so a secret outlives the state it keys.
 */
export async function readSharedSecret(table: StorageTable, rowKey: string): Promise<Buffer> {
  const existing = await table.get<SecretRow>(SECRETS_PARTITION, rowKey);
  if (existing) return Buffer.from(existing.key, 'base64url');
  const key = randomBytes(32).toString('base64url');
  if ((await table.create({ partitionKey: SECRETS_PARTITION, rowKey, key })).ok) {
    return Buffer.from(key, 'base64url');
  }
  const winner = await table.get<SecretRow>(SECRETS_PARTITION, rowKey);
  if (!winner) throw new Error(`the secret row ${rowKey} vanished while being created`);
  return Buffer.from(winner.key, 'base64url');
}
