/**
 * @ropc/table-storage: shared durable state on Azure Table storage (@azure/data-tables; Azurite
 * locally) for the apps that scale out — tables created on first use, bounded calls that fail as
 * typed {@link StorageError}s, optimistic concurrency with bounded retries, expiry sweeping, and
 * the rate counters and atomic states of @ropc/identity-protection. Node only.
 */
export { TableStorage, type TableStorageOptions } from './table-storage';
export { describeStorage, isStorageConnectionString } from './connection-string';
export { odata } from './odata-filter';
export {
  StorageTable,
  epochMs,
  type RowKeys,
  type RowToWrite,
  type StoredRow,
  type WriteOutcome,
} from './storage-table';
export {
  StorageError,
  StorageUnavailableError,
  StorageContentionError,
  isStorageError,
} from './storage-errors';
export {
  retryOnConflict,
  done,
  CONFLICT,
  MAX_CONFLICT_ATTEMPTS,
  type Attempt,
} from './optimistic-retry';
export { hashedKey, safeKey } from './storage-keys';
export { deleteExpiredRows, type EntriesPerRow } from './expired-rows';
export { TableRateCounterStore, RATE_COUNTER_SHARDS } from './table-rate-counter-store';
export { TableStateStore } from './table-state-store';
export { keyPrefixFilter, type KeptKeysOption } from './kept-keys';
