import type { StorageTable } from './storage-table';

/**
 * Deletes the rows whose `expiresAt` (epoch ms) is at or before `now`; returns how many. Each
 * delete is conditional on the entity tag read, so a row renewed meanwhile survives. Run by the
 * apps' cleanup timers: Table storage has no time-to-live of its own.
 */
export async function deleteExpiredRows(table: StorageTable, now: number): Promise<number> {
  // A Double literal (`1.0` form) for the Edm.Double property: the service compares like types.
  const filter = `expiresAt le ${Math.floor(now).toFixed(1)}`;
  const expired = await table.list(filter, ['PartitionKey', 'RowKey']);
  let deleted = 0;
  for (let index = 0; index < expired.length; index += 16) {
    const batch = expired.slice(index, index + 16);
    const outcomes = await Promise.all(
      batch.map((row) => table.delete(row.partitionKey, row.rowKey, row.etag)),
    );
    deleted += outcomes.filter(Boolean).length;
  }
  return deleted;
}
