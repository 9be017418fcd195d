import type { StorageTable } from '@ropc/table-storage';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OffsetClock } from '../../src/clock';
import { FileSigningKeyStore } from '../../src/keys/file-signing-key-store';
import {
  generateStoredSigningKey,
  importSigningKey,
  type StoredSigningKeySet,
} from '../../src/keys/signing-key';
import type { SigningKeyStore } from '../../src/keys/signing-key-store';
import { TableSigningKeyStore } from '../../src/keys/table-signing-key-store';
import { readSharedFingerprintKey } from '../../src/stores/shared-fingerprint-key';
import { twoInstances, useAzuriteTables } from './azurite-tables';

const freshTable = useAzuriteTables();
const directories: string[] = [];

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

const clock = new OffsetClock(() => Date.UTC(2026, 10, 25, 12, 0, 0));
const TENANT_ID = '04fbcc13-aa6a-4630-aacc-9c6a9e838418';
const OTHER_TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';

/** Two instances on one backing store: a data directory, or a table. */
type StorePair = readonly [SigningKeyStore, SigningKeyStore];

describe.each([
  [
    'file',
    (): StorePair => {
      const directory = mkdtempSync(join(tmpdir(), 'b2c-keys-'));
      directories.push(directory);
      return [
        new FileSigningKeyStore(directory, TENANT_ID, clock),
        new FileSigningKeyStore(directory, TENANT_ID, clock),
      ];
    },
  ],
  [
    'table',
    (): StorePair =>
      twoInstances(
        freshTable('keys'),
        (table) => new TableSigningKeyStore(table, TENANT_ID, clock),
      ),
  ],
])('SigningKeyStore contract: %s', (_name, createStores) => {
  let store: SigningKeyStore;
  let other: SigningKeyStore;

  beforeEach(() => {
    [store, other] = createStores();
  });

  it('generates one key at first use and keeps signing with it', async () => {
    const key = await store.current();
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    expect(key.nbf).toBe(Math.floor(clock.now() / 1000));
    expect((await store.current()).kid).toBe(key.kid);
    expect((await store.published()).map((published) => published.kid)).toEqual([key.kid]);
  });

  it('gives a second instance that starts later the same key', async () => {
    const key = await store.current();
    expect((await other.current()).kid).toBe(key.kid);
  });

  it('publishes the previous key after an immediate rotation', async () => {
    const first = await store.current();
    const second = await store.rotate(0);
    expect(second.kid).not.toBe(first.kid);
    expect((await store.current()).kid).toBe(second.kid);
    expect((await store.published()).map((published) => published.jwk.kid)).toEqual([
      second.kid,
      first.kid,
    ]);
    const third = await store.rotate(0);
    expect((await store.published()).map((published) => published.kid)).toEqual([
      third.kid,
      second.kid,
    ]);
  });

  it('publishes a key rotated in with a delay before it signs, and signs with it after the delay', async () => {
    const first = await store.current();
    const next = await store.rotate(600);
    expect(next.nbf).toBe(Math.floor(clock.now() / 1000) + 600);
    expect((await store.current()).kid).toBe(first.kid);
    expect((await other.published()).map((key) => key.kid)).toEqual([first.kid, next.kid]);
    try {
      clock.setOffsetSeconds(600);
      expect((await store.current()).kid).toBe(next.kid);
      expect((await other.published()).map((key) => key.kid)).toEqual([next.kid, first.kid]);
      // Rotating again starts from the set as it stands: the promoted key is the previous one.
      const third = await store.rotate(0);
      expect((await store.published()).map((key) => key.kid)).toEqual([third.kid, next.kid]);
    } finally {
      clock.setOffsetSeconds(0);
    }
  });
});

describe('TableSigningKeyStore', () => {
  let table: StorageTable;

  beforeEach(() => {
    table = freshTable('keys');
  });

  it('gives instances that start at the same time one key', async () => {
    const stores = [1, 2, 3].map(() => new TableSigningKeyStore(table, TENANT_ID, clock));
    const kids = await Promise.all(stores.map(async (store) => (await store.current()).kid));
    expect(new Set(kids).size).toBe(1);
  });

  it('publishes a rotation on one instance from the others after their refresh interval', async () => {
    let elapsed = 0;
    const options = { refreshIntervalMs: 5000, elapsedMs: () => elapsed };
    const first = new TableSigningKeyStore(table, TENANT_ID, clock, options);
    const second = new TableSigningKeyStore(table, TENANT_ID, clock, options);
    const original = await second.current();
    const rotated = await first.rotate(0);
    elapsed = 4999;
    expect((await second.current()).kid).toBe(original.kid);
    elapsed = 5000;
    expect((await second.current()).kid).toBe(rotated.kid);
    expect((await second.published()).map((key) => key.kid)).toEqual([rotated.kid, original.kid]);
  });

  it('keeps the key set of two concurrent rotations consistent', async () => {
    const first = new TableSigningKeyStore(table, TENANT_ID, clock);
    const second = new TableSigningKeyStore(table, TENANT_ID, clock, { refreshIntervalMs: 0 });
    await first.current();
    const [a, b] = await Promise.all([first.rotate(0), second.rotate(0)]);
    const published = (await second.published()).map((key) => key.kid);
    expect(published).toHaveLength(2);
    expect([a.kid, b.kid]).toContain(published[0]);
    expect([a.kid, b.kid]).toContain(published[1]);
  });
});

/** A key set as an emulator before per-tenant keys stored it, and the kid it published. */
async function legacyKeySet(): Promise<{ json: string; kid: string }> {
  const current = await generateStoredSigningKey(Math.floor(clock.now() / 1000) - 3600);
  const set: StoredSigningKeySet = { current };
  return { json: JSON.stringify(set), kid: (await importSigningKey(current)).kid };
}

describe('legacy signing keys', () => {
  it('file: the adopting tenant signs with the legacy file, another tenant with its own key', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'b2c-keys-'));
    directories.push(directory);
    const legacy = await legacyKeySet();
    writeFileSync(join(directory, 'signing-keys.json'), legacy.json);

    const adopter = new FileSigningKeyStore(directory, TENANT_ID, clock, true);
    const other = new FileSigningKeyStore(directory, OTHER_TENANT_ID, clock, false);

    expect((await adopter.current()).kid).toBe(legacy.kid);
    expect((await other.current()).kid).not.toBe(legacy.kid);
    // The adopted set is the tenant's own file now: a later start reads it without the legacy one.
    const own = join(directory, `signing-keys-${TENANT_ID}.json`);
    expect(JSON.parse(readFileSync(own, 'utf8'))).toEqual(JSON.parse(legacy.json));
    rmSync(join(directory, 'signing-keys.json'));
    const restarted = new FileSigningKeyStore(directory, TENANT_ID, clock, true);
    expect((await restarted.current()).kid).toBe(legacy.kid);
    expect(existsSync(join(directory, `signing-keys-${OTHER_TENANT_ID}.json`))).toBe(true);
  });

  it('table: the adopting tenant takes over the legacy row, which is deleted', async () => {
    const table = freshTable('keys');
    const legacy = await legacyKeySet();
    await table.create({ partitionKey: 'secrets', rowKey: 'signing-keys', keys: legacy.json });

    const adopter = new TableSigningKeyStore(table, TENANT_ID, clock, { adoptLegacyRow: true });
    const other = new TableSigningKeyStore(table, OTHER_TENANT_ID, clock);

    expect((await adopter.current()).kid).toBe(legacy.kid);
    expect((await other.current()).kid).not.toBe(legacy.kid);
    expect(await table.get('secrets', 'signing-keys')).toBeUndefined();
    const own = await table.get<{ keys: string }>('secrets', `signing-keys-${TENANT_ID}`);
    expect(own?.keys).toBe(legacy.json);
    expect(await table.get('secrets', `signing-keys-${OTHER_TENANT_ID}`)).toBeDefined();
  });

  it('table: a tenant that does not adopt leaves the legacy row alone', async () => {
    const table = freshTable('keys');
    const legacy = await legacyKeySet();
    await table.create({ partitionKey: 'secrets', rowKey: 'signing-keys', keys: legacy.json });

    const store = new TableSigningKeyStore(table, OTHER_TENANT_ID, clock);

    expect((await store.current()).kid).not.toBe(legacy.kid);
    expect((await table.get<{ keys: string }>('secrets', 'signing-keys'))?.keys).toBe(legacy.json);
  });
});

describe('readSharedFingerprintKey', () => {
  it('gives every instance the key of the first one to ask', async () => {
    const table = freshTable('secrets');
    const keys = await Promise.all([1, 2, 3].map(() => readSharedFingerprintKey(table)));
    expect(keys[0]).toHaveLength(32);
    expect(keys.map((key) => key.toString('hex'))).toEqual(Array(3).fill(keys[0]?.toString('hex')));
    expect((await readSharedFingerprintKey(table)).equals(keys[0] ?? Buffer.alloc(0))).toBe(true);
  });
});
