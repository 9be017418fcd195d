import type { RestError, TableClient, TransactionAction } from '@azure/data-tables';
import { StorageUnavailableError } from './storage-errors';

/** The keys of a row. */
export interface RowKeys {
  readonly partitionKey: string;
  readonly rowKey: string;
}

/** A row as read back: its keys, its properties and its entity tag. */
export type StoredRow<T extends object> = T & RowKeys & { readonly etag: string };

/** A row to write: its keys and properties (numbers, strings, booleans, {@link epochMs} values). */
export type RowToWrite = RowKeys & Record<string, unknown>;

/** Outcome of a conditional write: the new entity tag, or `conflict` when the condition failed. */
export type WriteOutcome = { readonly ok: true; readonly etag: string } | { readonly ok: false };

/**
 * An epoch-milliseconds property stored as `Edm.Double`: exact for every date a token can carry,
 * comparable in filters, and read back as a plain number (an untyped JSON integer above 2^31 is
 * not a valid Int32).
 */
export function epochMs(ms: number): { value: number; type: 'Double' } {
  return { value: ms, type: 'Double' };
}

/**
 * One table of a {@link TableStorage}: created on first use, every call bounded by the storage
 * timeout, and failures split into the two kinds callers handle — a 404/409/412 answer, which is
 * returned as a value (`undefined`, `{ ok: false }`), and an unavailable service, thrown as
 * {@link StorageUnavailableError}. Anything else (a 400 for a malformed row) is a bug and is
 * rethrown as it is.
 */
export class StorageTable {
  private client: Promise<TableClient> | undefined;

  constructor(
    readonly name: string,
    private readonly connect: () => Promise<TableClient>,
    private readonly timeoutMs: number,
  ) {}

  /** The row, or undefined when there is none. */
  async get<T extends object>(
    partitionKey: string,
    rowKey: string,
  ): Promise<StoredRow<T> | undefined> {
    return this.run('read', async (client, abortSignal) => {
      try {
        const row = await client.getEntity<T>(partitionKey, rowKey, { abortSignal });
        return row as StoredRow<T>;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /** Inserts the row; `{ ok: false }` when a row with its keys exists. */
  async create(row: RowToWrite): Promise<WriteOutcome> {
    return this.run('insert', async (client, abortSignal) => {
      try {
        const { etag } = await client.createEntity(row, { abortSignal });
        return { ok: true, etag: etag ?? '' };
      } catch (error) {
        if (statusOf(error) === 409) return { ok: false };
        throw error;
      }
    });
  }

  /**
   * Replaces the row while it still has `etag` (`'*'`: while it exists); `{ ok: false }` when it
   * changed or is gone.
   */
  async replace(row: RowToWrite, etag: string): Promise<WriteOutcome> {
    return this.conditional('update', (client, abortSignal) =>
      client.updateEntity(row, 'Replace', { etag, abortSignal }),
    );
  }

  /** Merges properties into the row while it exists (and has `etag`, when given). */
  async merge(row: RowToWrite, etag = '*'): Promise<WriteOutcome> {
    return this.conditional('merge', (client, abortSignal) =>
      client.updateEntity(row, 'Merge', { etag, abortSignal }),
    );
  }

  /** Inserts or replaces the row unconditionally. */
  async upsert(row: RowToWrite): Promise<void> {
    await this.run('upsert', (client, abortSignal) =>
      client.upsertEntity(row, 'Replace', { abortSignal }),
    );
  }

  /** Deletes the row while it has `etag` (default: any); false when it changed or was gone. */
  async delete(partitionKey: string, rowKey: string, etag = '*'): Promise<boolean> {
    const outcome = await this.conditional('delete', async (client, abortSignal) => {
      await client.deleteEntity(partitionKey, rowKey, { etag, abortSignal });
      return {};
    });
    return outcome.ok;
  }

  /** Every row matching the OData `filter` (use the `odata` tag), reading only `select`. */
  async list<T extends object>(
    filter?: string,
    select?: readonly string[],
  ): Promise<StoredRow<T>[]> {
    return this.run('query', async (client, abortSignal) => {
      const rows: StoredRow<T>[] = [];
      const queryOptions = {
        ...(filter ? { filter } : {}),
        ...(select ? { select: [...select] } : {}),
      };
      for await (const row of client.listEntities<T>({ queryOptions, abortSignal })) {
        rows.push(row as StoredRow<T>);
      }
      return rows;
    });
  }

  /**
   * Runs the actions as one atomic batch (all in one partition, at most 100); `{ ok: false }`
   * when one of them failed its condition (409/412/404), in which case none was applied.
   */
  async transaction(actions: readonly TransactionAction[]): Promise<{ ok: boolean }> {
    return this.run('transaction', async (client, abortSignal) => {
      try {
        await client.submitTransaction([...actions], { abortSignal });
        return { ok: true };
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || status === 409 || status === 412) return { ok: false };
        throw error;
      }
    });
  }

  /** Deletes every row (tenant reset). */
  async clear(): Promise<void> {
    const rows = await this.list(undefined, ['PartitionKey', 'RowKey']);
    for (let index = 0; index < rows.length; index += 16) {
      await Promise.all(
        rows.slice(index, index + 16).map((row) => this.delete(row.partitionKey, row.rowKey)),
      );
    }
  }

  private async conditional(
    operation: string,
    write: (client: TableClient, abortSignal: AbortSignal) => Promise<{ etag?: string }>,
  ): Promise<WriteOutcome> {
    return this.run(operation, async (client, abortSignal) => {
      try {
        const { etag } = await write(client, abortSignal);
        return { ok: true, etag: etag ?? '' };
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || status === 412) return { ok: false };
        throw error;
      }
    });
  }

  /**
   * Loads the SDK and creates the table on first use (once per process; again after a failure),
   * then runs `call` with an abort signal that bounds it, SDK retries included, by the storage
   * timeout.
   */
  private async run<R>(
    operation: string,
    call: (client: TableClient, abortSignal: AbortSignal) => Promise<R>,
  ): Promise<R> {
    const description = `${operation} ${this.name}`;
    try {
      const client = await this.ready();
      return await call(client, AbortSignal.timeout(this.timeoutMs));
    } catch (error) {
      if (isUnavailable(error)) throw new StorageUnavailableError(description, { cause: error });
      throw error;
    }
  }

  private ready(): Promise<TableClient> {
    this.client ??= this.connect()
      .then(async (client) => {
        await client.createTable({ abortSignal: AbortSignal.timeout(this.timeoutMs) });
        return client;
      })
      .catch((error: unknown) => {
        this.client = undefined;
        throw error;
      });
    return this.client;
  }
}

/** By name, as the SDK's own check does, so that the SDK need not be loaded to ask. */
function isRestError(error: unknown): error is RestError {
  return error instanceof Error && error.name === 'RestError';
}

function statusOf(error: unknown): number | undefined {
  return isRestError(error) ? error.statusCode : undefined;
}

/**
 * No answer (refused, reset, timed out, aborted) or a server-side failure: worth a 503 and a
 * later retry. A 4xx is an answer about the request and is not unavailability.
 */
function isUnavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return true;
  }
  if (!isRestError(error)) return false;
  const status = error.statusCode;
  return status === undefined || status === 408 || status === 429 || status >= 500;
}
