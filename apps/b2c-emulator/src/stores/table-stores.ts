import { TableRateCounterStore, TableStateStore, type TableStorage } from '@ropc/table-storage';
import type { Clock } from '../clock';
import { TableSigningKeyStore } from '../keys/table-signing-key-store';
import type { EmulatorStores } from './emulator-stores';
import { readSharedFingerprintKey } from './shared-fingerprint-key';
import type { LockoutState } from './lockout-store';
import { TABLE_NAMES } from './table-names';
import { TableRefreshGrantStore } from './table-refresh-grant-store';
import { TableUserStore } from './table-user-store';

/**
 * Stores on Azure Table storage (tables in `table-names.ts`), shared by every instance that uses
 * the same account. Reads the shared fingerprint key, so it needs the service to answer.
 */
export async function openTableStores(
  storage: TableStorage,
  clock: Clock,
): Promise<EmulatorStores> {
  const secrets = storage.table(TABLE_NAMES.secrets);
  return {
    users: new TableUserStore(storage.table(TABLE_NAMES.users)),
    grants: new TableRefreshGrantStore(storage.table(TABLE_NAMES.refreshGrants)),
    lockouts: new TableStateStore<LockoutState>(
      storage.table(TABLE_NAMES.lockouts),
      'update lockout state',
    ),
    rates: new TableRateCounterStore(storage.table(TABLE_NAMES.rateCounters)),
    keys: new TableSigningKeyStore(secrets, clock),
    fingerprintKey: await readSharedFingerprintKey(secrets),
    description: `Azure Table storage at ${storage.describe()}`,
  };
}
