import {
  CONFLICT,
  deleteExpiredRows,
  done,
  epochMs,
  hashedKey,
  retryOnConflict,
  type StorageTable,
} from '@ropc/table-storage';
import type { LockoutState, LockoutStore } from './lockout-store';

/** Row key of the one row in each pair's partition. */
const LOCKOUT_ROW_KEY = 'lockout';

interface LockoutRow {
  /** JSON array of the failure fingerprints. */
  readonly failures: string;
  readonly lockouts: number;
  readonly lockedUntil: number;
  readonly expiresAt: number;
}

/**
 * Lockout state in a table: a partition per (client IP, account) pair, keyed by the pair's
 * SHA-256 so that no address or username is stored. An update is read, change, then a create,
 * replace or delete conditional on what was read, again on a lost race: failures recorded by
 * many instances at once are all kept.
 */
export class TableLockoutStore implements LockoutStore {
  constructor(private readonly table: StorageTable) {}

  async get(key: string): Promise<LockoutState | undefined> {
    const row = await this.table.get<LockoutRow>(hashedKey(key), LOCKOUT_ROW_KEY);
    return row && readState(row);
  }

  update(
    key: string,
    change: (state: LockoutState | undefined) => LockoutState | undefined,
  ): Promise<LockoutState | undefined> {
    const partitionKey = hashedKey(key);
    return retryOnConflict('update lockout state', async () => {
      const row = await this.table.get<LockoutRow>(partitionKey, LOCKOUT_ROW_KEY);
      const next = change(row && readState(row));
      const written = await this.write(partitionKey, row?.etag, next);
      return written ? done(next) : CONFLICT;
    });
  }

  deleteExpired(now: number): Promise<number> {
    return deleteExpiredRows(this.table, now);
  }

  clear(): Promise<void> {
    return this.table.clear();
  }

  /** Writes `next` over the row read (`etag`, or none); false when another writer came first. */
  private async write(
    partitionKey: string,
    etag: string | undefined,
    next: LockoutState | undefined,
  ): Promise<boolean> {
    if (next === undefined) {
      return etag === undefined || this.table.delete(partitionKey, LOCKOUT_ROW_KEY, etag);
    }
    const row = {
      partitionKey,
      rowKey: LOCKOUT_ROW_KEY,
      failures: JSON.stringify(next.failures),
      lockouts: next.lockouts,
      lockedUntil: epochMs(next.lockedUntil),
      expiresAt: epochMs(next.expiresAt),
    };
    const outcome =
      etag === undefined ? await this.table.create(row) : await this.table.replace(row, etag);
    return outcome.ok;
  }
}

function readState(row: LockoutRow): LockoutState {
  return {
    failures: JSON.parse(row.failures) as string[],
    lockouts: row.lockouts,
    lockedUntil: row.lockedUntil,
    expiresAt: row.expiresAt,
  };
}
