import { MemoryRateCounterStore, type ListableRateCounterStore } from '@ropc/identity-protection';
import { startAzurite, type RunningAzurite } from '../src/testing';
import { TableRateCounterStore, TableStorage } from '../src';

let azurite: RunningAzurite;
let storage: TableStorage;

beforeAll(async () => {
  azurite = await startAzurite();
  storage = new TableStorage(azurite.connectionString);
});

afterAll(async () => {
  await azurite.stop();
});

const WINDOW_MS = 60_000;
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

describe.each([
  ['memory', (): ListableRateCounterStore => new MemoryRateCounterStore()],
  [
    'table',
    // Keys kept, so that it can list (the emulator's setting).
    (): ListableRateCounterStore =>
      new TableRateCounterStore(storage.table('ratecounters'), { keepKeys: true }),
  ],
])('RateCounterStore contract: %s', (_name, createStore) => {
  let store: ListableRateCounterStore;

  beforeEach(async () => {
    store = createStore();
    await store.clear();
  });

  it('counts hits per key within one window', async () => {
    expect(await store.hit('ip:203.0.113.7', WINDOW_MS, T0 + 10)).toEqual({ start: T0, count: 1 });
    expect(await store.hit('ip:203.0.113.7', WINDOW_MS, T0 + 20)).toEqual({ start: T0, count: 2 });
    expect(await store.hit('ip:198.51.100.1', WINDOW_MS, T0 + 30)).toEqual({ start: T0, count: 1 });
    expect(await store.peek('ip:203.0.113.7', WINDOW_MS, T0 + 40)).toEqual({ start: T0, count: 2 });
  });

  it('starts from zero in the next window', async () => {
    await store.hit('user:alice@contoso.com', WINDOW_MS, T0);
    expect(await store.peek('user:alice@contoso.com', WINDOW_MS, T0 + WINDOW_MS)).toEqual({
      start: T0 + WINDOW_MS,
      count: 0,
    });
    expect(await store.hit('user:alice@contoso.com', WINDOW_MS, T0 + WINDOW_MS)).toEqual({
      start: T0 + WINDOW_MS,
      count: 1,
    });
  });

  it('loses no hit when 60 arrive at once', async () => {
    await Promise.all(Array.from({ length: 60 }, () => store.hit('hot', WINDOW_MS, T0)));
    expect(await store.peek('hot', WINDOW_MS, T0)).toEqual({ start: T0, count: 60 });
  });

  it('deletes the windows that have ended, and only those', async () => {
    await store.hit('old', WINDOW_MS, T0);
    await store.hit('old', WINDOW_MS, T0 + 1);
    await store.hit('current', WINDOW_MS, T0 + WINDOW_MS);
    const deleted = await store.deleteExpired(T0 + WINDOW_MS);
    // The memory store keeps one entry per key, the table one row per touched shard.
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await store.deleteExpired(T0 + WINDOW_MS)).toBe(0);
    expect(await store.peek('current', WINDOW_MS, T0 + WINDOW_MS)).toEqual({
      start: T0 + WINDOW_MS,
      count: 1,
    });
    expect(await store.peek('old', WINDOW_MS, T0)).toEqual({ start: T0, count: 0 });
  });

  it('lists the current windows of the keys under a prefix, with their counts', async () => {
    await Promise.all(
      Array.from({ length: 5 }, () => store.hit('t1|ip|203.0.113.7', WINDOW_MS, T0)),
    );
    await store.hit('t1|tenant', 1000, T0 + 10);
    await store.hit('t2|tenant', 1000, T0 + 10);
    const windows = await store.windows('t1|', T0 + 20);
    expect([...windows].sort((one, other) => one.key.localeCompare(other.key))).toEqual([
      { key: 't1|ip|203.0.113.7', start: T0, end: T0 + WINDOW_MS, count: 5 },
      { key: 't1|tenant', start: T0, end: T0 + 1000, count: 1 },
    ]);
    // A window that has ended is not listed, even before the cleanup deletes it.
    expect(await store.windows('t1|', T0 + 1000)).toEqual([
      { key: 't1|ip|203.0.113.7', start: T0, end: T0 + WINDOW_MS, count: 5 },
    ]);
  });

  it('forgets every counter on clear', async () => {
    await store.hit('ip:203.0.113.7', WINDOW_MS, T0);
    await store.clear();
    expect(await store.peek('ip:203.0.113.7', WINDOW_MS, T0)).toEqual({ start: T0, count: 0 });
  });
});

describe('TableRateCounterStore', () => {
  it('keeps no address in the table unless asked to, and then lists nothing', async () => {
    const table = storage.table('ratecountersunkept');
    const store = new TableRateCounterStore(table);
    await store.hit('ip|203.0.113.7', WINDOW_MS, T0);
    expect(JSON.stringify(await table.list())).not.toMatch(/203\.0\.113\.7/u);
    expect(await store.windows('', T0)).toEqual([]);
  });
});
