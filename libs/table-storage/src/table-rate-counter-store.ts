import {
  windowStart,
  type KeyedRateWindow,
  type ListableRateCounterStore,
  type RateWindow,
} from '@ropc/identity-protection';
import { deleteExpiredRows } from './expired-rows';
import { keyPrefixFilter, type KeptKeysOption } from './kept-keys';
import { odata } from './odata-filter';
import { CONFLICT, done, retryOnConflict } from './optimistic-retry';
import { hashedKey } from './storage-keys';
import { epochMs, type StorageTable } from './storage-table';

/**
 * Shards per counter window. One hot key (every request from one address) would otherwise make
 * every concurrent hit a conflict on one row; with shards, a hit changes one random shard and the
 * count is the sum of the window's shards, read in one partition query.
 */
export const RATE_COUNTER_SHARDS = 4;

/**
 * Attempts of one hit before it gives up: a burst on one key (every sign-in of an attacker's
 * address) lands on a few shards, and a hit that gives up is a 503 for a legitimate request.
 */
const HIT_CONFLICT_ATTEMPTS = 24;

interface CounterRow {
  readonly count: number;
  readonly expiresAt: number;
  /** The plain key, written only with {@link KeptKeysOption.keepKeys}. */
  readonly key?: string;
}

/**
 * Fixed-window rate counters in a table: a partition per (hashed key, window start), a row per
 * shard. A hit is a compare-and-set on one shard, so no event is lost with any number of
 * instances; rows carry `expiresAt` (the window's end) for the cleanup timer. With `keepKeys`
 * each row also holds its plain key, and {@link windows} lists those rows' windows (only those).
 */
export class TableRateCounterStore implements ListableRateCounterStore {
  constructor(
    private readonly table: StorageTable,
    private readonly options: KeptKeysOption = {},
  ) {}

  async hit(key: string, windowMs: number, now: number): Promise<RateWindow> {
    const start = windowStart(now, windowMs);
    const partitionKey = partitionOf(key, start);
    const rowKey = `s${Math.floor(Math.random() * RATE_COUNTER_SHARDS)}`;
    const expiresAt = epochMs(start + windowMs);
    const kept = this.options.keepKeys ? { key } : {};
    await retryOnConflict(
      'count a rate-limited event',
      async () => {
        const shard = await this.table.get<CounterRow>(partitionKey, rowKey);
        const written = shard
          ? await this.table.replace(
              { partitionKey, rowKey, count: shard.count + 1, expiresAt, ...kept },
              shard.etag,
            )
          : await this.table.create({ partitionKey, rowKey, count: 1, expiresAt, ...kept });
        return written.ok ? done(undefined) : CONFLICT;
      },
      HIT_CONFLICT_ATTEMPTS,
    );
    return { start, count: await this.sum(partitionKey) };
  }

  async peek(key: string, windowMs: number, now: number): Promise<RateWindow> {
    const start = windowStart(now, windowMs);
    return { start, count: await this.sum(partitionOf(key, start)) };
  }

  async windows(keyPrefix: string, now: number): Promise<KeyedRateWindow[]> {
    // A Double literal (`1.0` form) for the Edm.Double property: the service compares like types.
    const filter = `${keyPrefixFilter(keyPrefix)} and expiresAt gt ${Math.floor(now).toFixed(1)}`;
    const shards = await this.table.list<CounterRow>(filter, [
      'PartitionKey',
      'key',
      'count',
      'expiresAt',
    ]);
    const windows = new Map<string, KeyedRateWindow>();
    for (const { partitionKey, key, count, expiresAt } of shards) {
      if (!key?.startsWith(keyPrefix)) continue;
      // The partition key ends in the window's start: `{hashed key}-{start}`.
      const start = Number(partitionKey.slice(partitionKey.lastIndexOf('-') + 1));
      const counted = windows.get(partitionKey)?.count ?? 0;
      windows.set(partitionKey, { key, start, end: expiresAt, count: counted + count });
    }
    return [...windows.values()];
  }

  clear(): Promise<void> {
    return this.table.clear();
  }

  deleteExpired(now: number): Promise<number> {
    return deleteExpiredRows(this.table, now);
  }

  private async sum(partitionKey: string): Promise<number> {
    const shards = await this.table.list<CounterRow>(odata`PartitionKey eq ${partitionKey}`, [
      'count',
    ]);
    return shards.reduce((total, shard) => total + shard.count, 0);
  }
}

function partitionOf(key: string, start: number): string {
  return `${hashedKey(key)}-${start}`;
}
