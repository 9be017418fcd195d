import { deleteExpiredRows, epochMs, hashedKey, type StorageTable } from '@ropc/table-storage';
import type { EndedSessionStore } from './ended-session-store';

/** The one row of a session's partition. */
const ENDED_ROW_KEY = 'ended';

interface EndedSessionRow {
  /** Epoch ms: the session's cookie expires then, and the row may go. */
  readonly expiresAt: number;
}

/**
 * Ended sessions in a table shared by every instance: a partition per session, keyed by the
 * SHA-256 of its id (the id comes out of a cookie, and a hash is a safe key whatever it holds),
 * with `expiresAt` for the cleanup timer.
 */
export class TableEndedSessionStore implements EndedSessionStore {
  constructor(private readonly table: StorageTable) {}

  async end(sid: string, untilSeconds: number): Promise<void> {
    await this.table.upsert({
      partitionKey: hashedKey(sid),
      rowKey: ENDED_ROW_KEY,
      expiresAt: epochMs(untilSeconds * 1000),
    });
  }

  async isEnded(sid: string, nowSeconds: number): Promise<boolean> {
    const row = await this.table.get<EndedSessionRow>(hashedKey(sid), ENDED_ROW_KEY);
    return row !== undefined && row.expiresAt > nowSeconds * 1000;
  }

  deleteExpired(nowSeconds: number): Promise<number> {
    return deleteExpiredRows(this.table, nowSeconds * 1000);
  }
}
