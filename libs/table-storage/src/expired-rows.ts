import type { StorageTable } from './storage-table';

/**
 * How many entries of a store one row holds, for a store whose rows are not one entry each: read
 * from the `properties` named (they come back with the row's keys; a missing one as null).
 */
export interface EntriesPerRow {
  readonly properties: readonly string[];
  count(row: Readonly<Record<string, unknown>>): number;
}

/**
 * Deletes the rows whose `expiresAt` (epoch ms) is at or before `now`; returns how many (or, with
 * `entries`, how many entries they held). Each delete is conditional on the entity tag read, so a
 * row renewed meanwhile survives. Run by the apps' cleanup timers: Table storage has no
 * time-to-live of its own.
 */
export async function deleteExpiredRows(
  table: StorageTable,
  now: number,
  entries?: EntriesPerRow,
): Promise<number> {
  // A Double literal (`1.0` form) for the Edm.Double property: the service compares like types.
  const filter = `expiresAt le ${Math.floor(now).toFixed(1)}`;
  const select = ['PartitionKey', 'RowKey', ...(entries?.properties ?? [])];
  const expired = await table.list<Record<string, unknown>>(filter, select);
  let deleted = 0;
  for (let index = 0; index < expired.length; index += 16) {
    const batch = expired.slice(index, index + 16);
    const outcomes = await Promise.all(
      batch.map((row) => table.delete(row.partitionKey, row.rowKey, row.etag)),
    );
    batch.forEach((row, at) => {
      if (outcomes[at]) deleted += entries ? entries.count(row) : 1;
    });
  }
  return deleted;
}
