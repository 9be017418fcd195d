import type { StorageTable } from '@ropc/table-storage';
import { randomBytes } from 'node:crypto';
import { FINGERPRINT_KEY_ROW_KEY, SECRETS_PARTITION } from './secret-rows';

interface FingerprintKeyRow {
  /** 32 random bytes, base64url. */
  readonly key: string;
}

/**
 * The smart-lockout fingerprint key that every instance on one store shares, so that the same
 * wrong password counts once whichever instance sees it. Created by the first instance to ask
 * (an insert: the first writer wins) and read by the others.
 */
export async function readSharedFingerprintKey(table: StorageTable): Promise<Buffer> {
  const existing = await table.get<FingerprintKeyRow>(SECRETS_PARTITION, FINGERPRINT_KEY_ROW_KEY);
  if (existing) return Buffer.from(existing.key, 'base64url');
  const key = randomBytes(32).toString('base64url');
  const row = { partitionKey: SECRETS_PARTITION, rowKey: FINGERPRINT_KEY_ROW_KEY, key };
  if ((await table.create(row)).ok) return Buffer.from(key, 'base64url');
  const winner = await table.get<FingerprintKeyRow>(SECRETS_PARTITION, FINGERPRINT_KEY_ROW_KEY);
  if (!winner) throw new Error('the fingerprint key row vanished while being created');
  return Buffer.from(winner.key, 'base64url');
}
