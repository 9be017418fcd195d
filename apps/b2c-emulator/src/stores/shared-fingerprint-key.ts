import type { StorageTable } from '@ropc/table-storage';
import { FINGERPRINT_KEY_ROW_KEY } from './secret-rows';
import { readSharedSecret } from './shared-secret';

/**
 * The smart-lockout fingerprint key that every instance on one store shares, so that the same
 * wrong password counts once whichever instance sees it.
 */
export function readSharedFingerprintKey(table: StorageTable): Promise<Buffer> {
  return readSharedSecret(table, FINGERPRINT_KEY_ROW_KEY);
}
