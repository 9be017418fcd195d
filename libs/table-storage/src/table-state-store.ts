import type {
  ExpiringState,
  KeyedState,
  ListableStateStore,
  StateDecision,
} from '@ropc/identity-protection';
import { deleteExpiredRows } from './expired-rows';
import { keyPrefixFilter, type KeptKeysOption } from './kept-keys';
import { CONFLICT, done, retryOnConflict } from './optimistic-retry';
import { hashedKey } from './storage-keys';
import { epochMs, type StorageTable } from './storage-table';

/** Row key of the one row in each key's partition. */
const STATE_ROW_KEY = 'state';

/**
 * Attempts before giving up on a hot key: a burst of attempts on one account makes every writer
 * but one lose each round, and refusals, which read only, stop competing once a budget is full.
 */
const STATE_CONFLICT_ATTEMPTS = 24;

interface StateRow {
  /** The state as JSON. */
  readonly state?: string;
  readonly expiresAt: number;
  /** The plain key, written only with {@link KeptKeysOption.keepKeys}. */
  readonly key?: string;
}

/**
 * An {@link AtomicStateStore} on a table: a partition per key, keyed by the key's SHA-256 so that
 * no username or address is stored, one row holding the state as JSON and `expiresAt` for the
 * cleanup timer. An update reads the row, decides, and creates, replaces or deletes it on
 * condition of the entity tag read — again when another instance wrote first. A row that holds no
 * state this store wrote (an older layout) reads as no state and is overwritten. With `keepKeys`
 * each row also holds its plain key, and {@link entries} lists those rows (only those).
 */
export class TableStateStore<T extends ExpiringState> implements ListableStateStore<T> {
  constructor(
    private readonly table: StorageTable,
    private readonly operation = 'update a shared state',
    private readonly options: KeptKeysOption = {},
  ) {}

  async get(key: string): Promise<T | undefined> {
    return this.read(await this.table.get<StateRow>(hashedKey(key), STATE_ROW_KEY));
  }

  update<R>(key: string, decide: (current: T | undefined) => StateDecision<T, R>): Promise<R> {
    const partitionKey = hashedKey(key);
    return retryOnConflict(
      this.operation,
      async () => {
        const row = await this.table.get<StateRow>(partitionKey, STATE_ROW_KEY);
        const decision = decide(this.read(row));
        if (!decision.write) return done(decision.result);
        const written = await this.write(key, partitionKey, row?.etag, decision.next);
        return written ? done(decision.result) : CONFLICT;
      },
      STATE_CONFLICT_ATTEMPTS,
    );
  }

  async entries(keyPrefix: string, now: number): Promise<KeyedState<T>[]> {
    // A Double literal (`1.0` form) for the Edm.Double property: the service compares like types.
    const filter = `${keyPrefixFilter(keyPrefix)} and expiresAt gt ${Math.floor(now).toFixed(1)}`;
    const rows = await this.table.list<StateRow>(filter, ['key', 'state', 'expiresAt']);
    return rows.flatMap(({ key, ...row }) => {
      const state = this.read(row);
      return key?.startsWith(keyPrefix) && state ? [{ key, state }] : [];
    });
  }

  deleteExpired(now: number): Promise<number> {
    return deleteExpiredRows(this.table, now);
  }

  clear(): Promise<void> {
    return this.table.clear();
  }

  /** The state a row holds; none for a row without one (or one this store cannot read). */
  private read(row: StateRow | undefined): T | undefined {
    if (typeof row?.state !== 'string') return undefined;
    try {
      return JSON.parse(row.state) as T;
    } catch {
      return undefined;
    }
  }

  /**
   * Writes `next` for `key` over the row read (`etag`, or none); false when another writer came
   * first.
   */
  private async write(
    key: string,
    partitionKey: string,
    etag: string | undefined,
    next: T | undefined,
  ): Promise<boolean> {
    if (next === undefined) {
      return etag === undefined || this.table.delete(partitionKey, STATE_ROW_KEY, etag);
    }
    const row = {
      partitionKey,
      rowKey: STATE_ROW_KEY,
      state: JSON.stringify(next),
      expiresAt: epochMs(next.expiresAt),
      ...(this.options.keepKeys ? { key } : {}),
    };
    const outcome =
      etag === undefined ? await this.table.create(row) : await this.table.replace(row, etag);
    return outcome.ok;
  }
}
