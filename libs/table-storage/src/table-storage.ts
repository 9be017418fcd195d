import type { TableClient } from '@azure/data-tables';
import { describeStorage, isLoopbackHttp, isStorageConnectionString } from './connection-string';
import { StorageTable } from './storage-table';

/** Options of {@link TableStorage}. */
export interface TableStorageOptions {
  /**
   * Upper bound of every storage call, SDK retries included (default 5 s): an unreachable store
   * gives a 503 within this time instead of a hung request.
   */
  readonly timeoutMs?: number;
}

/** Table names: 3–63 letters and digits, starting with a letter (Azure's rule). */
const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{2,62}$/u;

/**
 * The storage account named by `STORAGE_CONNECTION_STRING`: `UseDevelopmentStorage=true` for
 * Azurite on its default port, a full Azurite connection string for another port, or an Azure
 * Storage account's connection string (account key or SAS). Tables are created on first use, and
 * the Azure SDK is loaded on first use too, so an app that keeps its state in memory never pays
 * for it.
 */
export class TableStorage {
  private readonly tables = new Map<string, StorageTable>();
  private readonly timeoutMs: number;

  /** @throws TypeError for a connection string the SDK could not use (never quoting it). */
  constructor(
    private readonly connectionString: string,
    options: TableStorageOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    if (!(this.timeoutMs > 0)) throw new TypeError('timeoutMs must be positive');
    if (!isStorageConnectionString(connectionString)) {
      throw new TypeError('not a storage connection string with a table endpoint');
    }
  }

  /** The table `name`, one instance per name. */
  table(name: string): StorageTable {
    if (!TABLE_NAME.test(name)) throw new TypeError(`not a valid table name: ${name}`);
    let table = this.tables.get(name);
    if (!table) {
      table = new StorageTable(name, () => this.connect(name), this.timeoutMs);
      this.tables.set(name, table);
    }
    return table;
  }

  /** Where the data lives, for start-up banners: endpoint and account, never the key. */
  describe(): string {
    return describeStorage(this.connectionString);
  }

  private async connect(name: string): Promise<TableClient> {
    const { TableClient } = await import('@azure/data-tables');
    return TableClient.fromConnectionString(this.connectionString, name, {
      // The timeout bounds the whole call; two quick retries ride out a dropped connection.
      retryOptions: { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 500 },
      allowInsecureConnection: isLoopbackHttp(this.connectionString),
    });
  }
}
