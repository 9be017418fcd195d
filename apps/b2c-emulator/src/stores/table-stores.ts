import { TableRateCounterStore, TableStateStore, type TableStorage } from '@ropc/table-storage';
import type { Clock } from '../clock';
import { TableFlowStateStore } from '../flows/table-flow-state-store';
import { TableSigningKeyStore } from '../keys/table-signing-key-store';
import { TableOutboxStore } from '../outbox/table-outbox-store';
import type { EmulatorStores } from './emulator-stores';
import { readSharedFingerprintKey } from './shared-fingerprint-key';
import { ONE_TIME_CODE_KEY_ROW_KEY, readSharedSecret } from './shared-secret';
import type { LockoutState } from './lockout-store';
import { TABLE_NAMES } from './table-names';
import { TableRefreshGrantStore } from './table-refresh-grant-store';
import { TableUserStore } from './table-user-store';

/**
 * Stores on Azure Table storage (tables in `table-names.ts`), shared by every instance that uses
 * the same account. Reads the shared fingerprint, one-time-code and outbox keys, so it needs the
 * service to answer.
 */
export async function openTableStores(
  storage: TableStorage,
  clock: Clock,
): Promise<EmulatorStores> {
  const secrets = storage.table(TABLE_NAMES.secrets);
  return {
    users: async (tenantId, adoptLegacy) => {
      const users = new TableUserStore(storage.table(TABLE_NAMES.users), tenantId);
      if (adoptLegacy) await users.adoptLegacyPartition();
      return users;
    },
    signingKeys: (tenantId, adoptLegacyRow) =>
      new TableSigningKeyStore(secrets, tenantId, clock, { adoptLegacyRow }),
    grants: new TableRefreshGrantStore(storage.table(TABLE_NAMES.refreshGrants)),
    // Plain keys (client address, username) kept beside the hashed ones so that the admin API
    // can list lockouts and counts: the emulator's own tables hold its users in clear anyway.
    lockouts: new TableStateStore<LockoutState>(
      storage.table(TABLE_NAMES.lockouts),
      'update lockout state',
      { keepKeys: true },
    ),
    rates: new TableRateCounterStore(storage.table(TABLE_NAMES.rateCounters), { keepKeys: true }),
    flows: new TableFlowStateStore(storage.table(TABLE_NAMES.flows), () => clock.now()),
    outbox: await TableOutboxStore.open(storage.table(TABLE_NAMES.outbox), secrets, () =>
      clock.now(),
    ),
    fingerprintKey: await readSharedFingerprintKey(secrets),
    oneTimeCodeKey: await readSharedSecret(secrets, ONE_TIME_CODE_KEY_ROW_KEY),
    description: `Azure Table storage at ${storage.describe()}`,
  };
}
