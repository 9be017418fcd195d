import { TableStorage, type StorageTable } from '@ropc/table-storage';
import { startAzurite, type RunningAzurite } from '@ropc/table-storage/testing';

/**
 * Starts Azurite for the calling test file (before all its tests, stopped after them) and returns
 * a function that hands out a new, empty table per call, so that no two tests share rows.
 */
export function useAzuriteTables(): (prefix: string) => StorageTable {
  let azurite: RunningAzurite | undefined;
  let storage: TableStorage | undefined;
  let tables = 0;
  beforeAll(async () => {
    azurite = await startAzurite();
    storage = new TableStorage(azurite.connectionString);
  }, 30_000);
  afterAll(async () => {
    await azurite?.stop();
  });
  return (prefix) => {
    if (!storage) throw new Error('Azurite is not running yet: ask for tables inside tests');
    return storage.table(`${prefix}${++tables}`);
  };
}

/** An in-memory store as both handles of a pair: one process has one store. */
export function sameStore<S>(store: S): readonly [S, S] {
  return [store, store];
}

/** Two stores on one new table: two instances sharing the state. */
export function twoInstances<S>(
  table: StorageTable,
  open: (table: StorageTable) => S,
): readonly [S, S] {
  return [open(table), open(table)];
}
