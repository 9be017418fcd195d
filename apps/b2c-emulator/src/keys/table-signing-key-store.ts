import { CONFLICT, done, retryOnConflict, type StorageTable } from '@ropc/table-storage';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../clock';
import { SECRETS_PARTITION, SIGNING_KEYS_ROW_KEY } from '../stores/secret-rows';
import {
  generateStoredSigningKey,
  importSigningKeySet,
  keySetAt,
  publishedKeys,
  rotatedKeySet,
  type SigningKey,
  type SigningKeySet,
  type StoredSigningKeySet,
} from './signing-key';
import type { SigningKeyStore } from './signing-key-store';

/** How long an instance keeps the keys it read before reading the row again. */
export const SIGNING_KEY_REFRESH_MS = 5000;

/** Options of {@link TableSigningKeyStore}. */
export interface TableSigningKeyStoreOptions {
  /** Default {@link SIGNING_KEY_REFRESH_MS}. */
  readonly refreshIntervalMs?: number;
  /**
   * Start from the row written before tenants had their own keys (`signing-keys`) when this
   * tenant has none yet, and delete it: the first B2C tenant adopts it, so tokens signed before an
   * upgrade keep verifying.
   */
  readonly adoptLegacyRow?: boolean;
  /**
   * Monotonic milliseconds that time the refresh interval (tests pass their own). Not the
   * emulator's clock: an admin may move that back by hours, which would stop the refreshes.
   */
  readonly elapsedMs?: () => number;
}

/** The row: the stored key set as JSON (two private RSA JWKs, about 3.5 kB). */
interface SigningKeysRow {
  readonly keys: string;
}

/**
 * Signing keys in the secrets table, shared by every instance: the first instance to start
 * generates the key (an insert; the others read the winner's), a rotation replaces the row only
 * if it is unchanged since read, and every instance reads the row again at most every
 * {@link SIGNING_KEY_REFRESH_MS}, so that a rotation on one instance is published by all of them
 * within that time. The row holds private keys: guard the table as a secret.
 */
export class TableSigningKeyStore implements SigningKeyStore {
  private readonly refreshIntervalMs: number;
  private readonly elapsedMs: () => number;
  private cached:
    { readonly keys: SigningKeySet; readonly json: string; readonly readAt: number } | undefined;
  private reading: Promise<SigningKeySet> | undefined;
  private readonly rowKey: string;
  private readonly adoptLegacyRow: boolean;

  constructor(
    private readonly table: StorageTable,
    tenantId: string,
    private readonly clock: Clock,
    options: TableSigningKeyStoreOptions = {},
  ) {
    this.rowKey = `${SIGNING_KEYS_ROW_KEY}-${tenantId.toLowerCase()}`;
    this.adoptLegacyRow = options.adoptLegacyRow ?? false;
    this.refreshIntervalMs = options.refreshIntervalMs ?? SIGNING_KEY_REFRESH_MS;
    this.elapsedMs = options.elapsedMs ?? (() => performance.now());
  }

  async current(): Promise<SigningKey> {
    return keySetAt(await this.keys(), this.nowSeconds()).current;
  }

  async published(): Promise<readonly SigningKey[]> {
    return publishedKeys(await this.keys(), this.nowSeconds());
  }

  async rotate(delaySeconds: number): Promise<SigningKey> {
    await this.keys();
    const json = await retryOnConflict('rotate the signing key', async () => {
      const row = await this.table.get<SigningKeysRow>(SECRETS_PARTITION, this.rowKey);
      if (!row) throw new Error('the signing key row is gone');
      const stored = JSON.parse(row.keys) as StoredSigningKeySet;
      const next = JSON.stringify(await rotatedKeySet(stored, this.nowSeconds(), delaySeconds));
      const replaced = await this.table.replace(this.keysRow(next), row.etag);
      return replaced.ok ? done(next) : CONFLICT;
    });
    // A read that started before the rotation must not cache the old keys after it.
    await this.reading?.catch(() => undefined);
    const keys = await this.adopt(json);
    return delaySeconds === 0 ? keys.current : (keys.next ?? keys.current);
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  private keys(): Promise<SigningKeySet> {
    if (this.cached && this.elapsedMs() - this.cached.readAt < this.refreshIntervalMs) {
      return Promise.resolve(this.cached.keys);
    }
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(): Promise<SigningKeySet> {
    const row = await this.table.get<SigningKeysRow>(SECRETS_PARTITION, this.rowKey);
    return this.adopt(row?.keys ?? (await this.createFirst()));
  }

  /**
   * Generates the tenant's first key (or adopts the legacy row's keys); when another instance was
   * first, takes its key.
   */
  private async createFirst(): Promise<string> {
    const legacy = this.adoptLegacyRow
      ? await this.table.get<SigningKeysRow>(SECRETS_PARTITION, SIGNING_KEYS_ROW_KEY)
      : undefined;
    const json = legacy?.keys ?? JSON.stringify({ current: await this.generate() });
    const created = (await this.table.create(this.keysRow(json))).ok;
    if (legacy) await this.table.delete(SECRETS_PARTITION, SIGNING_KEYS_ROW_KEY);
    if (created) return json;
    const winner = await this.table.get<SigningKeysRow>(SECRETS_PARTITION, this.rowKey);
    if (!winner) throw new Error('the signing key row vanished while being created');
    return winner.keys;
  }

  /** Caches the key set of `json`, importing it only when it differs from the cached one. */
  private async adopt(json: string): Promise<SigningKeySet> {
    const keys =
      this.cached?.json === json
        ? this.cached.keys
        : await importSigningKeySet(JSON.parse(json) as StoredSigningKeySet);
    this.cached = { keys, json, readAt: this.elapsedMs() };
    return keys;
  }

  private keysRow(json: string): { partitionKey: string; rowKey: string; keys: string } {
    return { partitionKey: SECRETS_PARTITION, rowKey: this.rowKey, keys: json };
  }

  private generate() {
    return generateStoredSigningKey(Math.floor(this.clock.now() / 1000));
  }
}
