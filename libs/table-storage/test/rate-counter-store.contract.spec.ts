import { MemoryRateCounterStore, type RateCounterStore } from '@ropc/identity-protection';
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
  ['memory', (): RateCounterStore => new MemoryRateCounterStore()],
  ['table', (): RateCounterStore => new TableRateCounterStore(storage.table('ratecounters'))],
])('RateCounterStore contract: %s', (_name, createStore) => {
  let store: RateCounterStore;

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

  it('forgets every counter on clear', async () => {
    await store.hit('ip:203.0.113.7', WINDOW_MS, T0);
    await store.clear();
    expect(await store.peek('ip:203.0.113.7', WINDOW_MS, T0)).toEqual({ start: T0, count: 0 });
  });
});
