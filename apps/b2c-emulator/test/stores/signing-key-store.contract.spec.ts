import type { StorageTable } from '@ropc/table-storage';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OffsetClock } from '../../src/clock';
import { FileSigningKeyStore } from '../../src/keys/file-signing-key-store';
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

/** Two instances on one backing store: a data directory, or a table. */
type StorePair = readonly [SigningKeyStore, SigningKeyStore];

describe.each([
  [
    'file',
    (): StorePair => {
      const directory = mkdtempSync(join(tmpdir(), 'b2c-keys-'));
      directories.push(directory);
      return [new FileSigningKeyStore(directory, clock), new FileSigningKeyStore(directory, clock)];
    },
  ],
  [
    'table',
    (): StorePair =>
      twoInstances(freshTable('keys'), (table) => new TableSigningKeyStore(table, clock)),
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
    const stores = [1, 2, 3].map(() => new TableSigningKeyStore(table, clock));
    const kids = await Promise.all(stores.map(async (store) => (await store.current()).kid));
    expect(new Set(kids).size).toBe(1);
  });

  it('publishes a rotation on one instance from the others after their refresh interval', async () => {
    let elapsed = 0;
    const options = { refreshIntervalMs: 5000, elapsedMs: () => elapsed };
    const first = new TableSigningKeyStore(table, clock, options);
    const second = new TableSigningKeyStore(table, clock, options);
    const original = await second.current();
    const rotated = await first.rotate(0);
    elapsed = 4999;
    expect((await second.current()).kid).toBe(original.kid);
    elapsed = 5000;
    expect((await second.current()).kid).toBe(rotated.kid);
    expect((await second.published()).map((key) => key.kid)).toEqual([rotated.kid, original.kid]);
  });

  it('keeps the key set of two concurrent rotations consistent', async () => {
    const first = new TableSigningKeyStore(table, clock);
    const second = new TableSigningKeyStore(table, clock, { refreshIntervalMs: 0 });
    await first.current();
    const [a, b] = await Promise.all([first.rotate(0), second.rotate(0)]);
    const published = (await second.published()).map((key) => key.kid);
    expect(published).toHaveLength(2);
    expect([a.kid, b.kid]).toContain(published[0]);
    expect([a.kid, b.kid]).toContain(published[1]);
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
