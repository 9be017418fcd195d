import { TableClient } from '@azure/data-tables';
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
 * Storage account's connection string (account key or SAS). Tables are created on first use.
 */
export class TableStorage {
  private readonly tables = new Map<string, StorageTable>();
  private readonly timeoutMs: number;

  constructor(
    private readonly connectionString: string,
    options: TableStorageOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    if (!(this.timeoutMs > 0)) throw new TypeError('timeoutMs must be positive');
    // Parse now, so that a malformed connection string fails at start, not on the first request.
    this.table('probe');
  }

  /** The table `name`, one instance per name. */
  table(name: string): StorageTable {
    if (!TABLE_NAME.test(name)) throw new TypeError(`not a valid table name: ${name}`);
    let table = this.tables.get(name);
    if (!table) {
      const client = TableClient.fromConnectionString(this.connectionString, name, {
        // The timeout bounds the whole call; two quick retries ride out a dropped connection.
        retryOptions: { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 500 },
        allowInsecureConnection: isLoopbackHttp(this.connectionString),
      });
      table = new StorageTable(client, this.timeoutMs);
      this.tables.set(name, table);
    }
    return table;
  }

  /** Where the data lives, for start-up banners: endpoint and account, never the key. */
  describe(): string {
    return describeStorage(this.connectionString);
  }
}

/** A connection string's endpoint and account, without its key or SAS token. */
export function describeStorage(connectionString: string): string {
  if (/usedevelopmentstorage=true/iu.test(connectionString)) {
    return 'Azurite (http://127.0.0.1:10002/devstoreaccount1)';
  }
  const parts = new Map(
    connectionString
      .split(';')
      .map((part) => part.split('=', 2))
      .filter((pair): pair is [string, string] => pair.length === 2)
      .map(([key, value]) => [key.trim().toLowerCase(), value.trim()]),
  );
  const endpoint = parts.get('tableendpoint');
  if (endpoint) return endpoint.split('?', 1)[0] ?? endpoint;
  const account = parts.get('accountname') ?? 'unknown account';
  return `${parts.get('defaultendpointsprotocol') ?? 'https'}://${account}.table.${parts.get('endpointsuffix') ?? 'core.windows.net'}`;
}

/** Plain HTTP is allowed only to a loopback Azurite. */
function isLoopbackHttp(connectionString: string): boolean {
  const endpoint = /tableendpoint=(http:\/\/[^;]+)/iu.exec(connectionString)?.[1];
  if (!endpoint) return false;
  const host = new URL(endpoint).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}
