import {
  MemoryStateStore,
  keepState,
  writeState,
  type ListableStateStore,
  type StateDecision,
} from '@ropc/identity-protection';
import { startAzurite, type RunningAzurite } from '../src/testing';
import { TableStateStore, TableStorage, type StorageTable } from '../src';

let azurite: RunningAzurite;
let storage: TableStorage;
let tables = 0;

beforeAll(async () => {
  azurite = await startAzurite();
  storage = new TableStorage(azurite.connectionString);
});

afterAll(async () => {
  await azurite.stop();
});

const freshTable = (): StorageTable => storage.table(`states${++tables}`);

const T0 = Date.UTC(2026, 11, 7, 12, 0, 0);
const PAIR = '203.0.113.7|alice@contoso.com';

interface Tally {
  readonly items: readonly string[];
  readonly expiresAt: number;
}

/** Appends `item` unless the tally holds `limit` items already; answers whether it did. */
const appendUpTo =
  (item: string, limit = Infinity, expiresAt = T0 + 1000) =>
  (current: Tally | undefined): StateDecision<Tally, boolean> => {
    const items = current?.items ?? [];
    if (items.length >= limit) return keepState(false);
    return writeState({ items: [...items, item], expiresAt }, true);
  };

/** A store and a second handle on the same state (another instance, for the table). */
type StorePair = readonly [ListableStateStore<Tally>, ListableStateStore<Tally>];

describe.each([
  [
    'memory',
    (): StorePair => {
      const store = new MemoryStateStore<Tally>();
      return [store, store];
    },
  ],
  [
    'table',
    (): StorePair => {
      const table = freshTable();
      // Keys kept, so that both handles can list (the emulator's setting).
      const keeping = { keepKeys: true };
      return [
        new TableStateStore<Tally>(table, undefined, keeping),
        new TableStateStore<Tally>(table, undefined, keeping),
      ];
    },
  ],
])('AtomicStateStore contract: %s', (_name, createStores) => {
  let store: ListableStateStore<Tally>;
  let twin: ListableStateStore<Tally>;

  beforeEach(() => {
    [store, twin] = createStores();
  });

  it('creates, changes and deletes the state of a key, answering what the decision said', async () => {
    expect(await store.get(PAIR)).toBeUndefined();
    expect(await store.update(PAIR, appendUpTo('a'))).toBe(true);
    expect(await store.update(PAIR, appendUpTo('b'))).toBe(true);
    expect(await store.get(PAIR)).toEqual({ items: ['a', 'b'], expiresAt: T0 + 1000 });
    expect(await store.get('198.51.100.1|alice@contoso.com')).toBeUndefined();
    expect(await store.update(PAIR, () => writeState(undefined, 'deleted'))).toBe('deleted');
    expect(await store.get(PAIR)).toBeUndefined();
    expect(await store.update(PAIR, () => writeState(undefined, 'again'))).toBe('again');
  });

  it('writes nothing when the decision keeps the state', async () => {
    await store.update(PAIR, appendUpTo('a'));
    expect(await store.update(PAIR, appendUpTo('b', 1))).toBe(false);
    expect(await store.get(PAIR)).toEqual({ items: ['a'], expiresAt: T0 + 1000 });
  });

  it('keeps every change of concurrent updates from two instances', async () => {
    const items = Array.from({ length: 10 }, (_, index) => `i${index}`);
    await Promise.all(
      items.map((item, index) => (index % 2 ? twin : store).update(PAIR, appendUpTo(item))),
    );
    expect([...((await store.get(PAIR))?.items ?? [])].sort()).toEqual(items.sort());
  });

  it('decides each of 40 concurrent updates on the state it will replace: exactly the limit is admitted', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        (index % 2 ? twin : store).update(PAIR, appendUpTo(`i${index}`, 4)),
      ),
    );
    expect(answers.filter(Boolean)).toHaveLength(4);
    expect((await store.get(PAIR))?.items).toHaveLength(4);
  });

  it('deletes the states that have expired', async () => {
    await store.update(PAIR, appendUpTo('a', Infinity, T0 + 1000));
    await store.update('198.51.100.1|bob@contoso.com', appendUpTo('b', Infinity, T0 + 5000));
    expect(await store.deleteExpired(T0 + 999)).toBe(0);
    expect(await store.deleteExpired(T0 + 1000)).toBe(1);
    expect(await store.get(PAIR)).toBeUndefined();
    expect((await store.get('198.51.100.1|bob@contoso.com'))?.items).toEqual(['b']);
  });

  it('lists the live states under a key prefix, with their keys, on any instance', async () => {
    await store.update('t1|203.0.113.7|alice@contoso.com', appendUpTo('a', Infinity, T0 + 1000));
    await twin.update('t1|account|bob@contoso.com', appendUpTo('b', Infinity, T0 + 5000));
    await store.update('t2|203.0.113.7|alice@contoso.com', appendUpTo('c', Infinity, T0 + 5000));
    const byKey = (list: readonly { key: string }[]) =>
      [...list].sort((one, other) => one.key.localeCompare(other.key));
    expect(byKey(await twin.entries('t1|', T0))).toEqual([
      { key: 't1|203.0.113.7|alice@contoso.com', state: { items: ['a'], expiresAt: T0 + 1000 } },
      { key: 't1|account|bob@contoso.com', state: { items: ['b'], expiresAt: T0 + 5000 } },
    ]);
    // Expired states are not listed, even before the cleanup deletes them.
    expect(await store.entries('t1|', T0 + 1000)).toEqual([
      { key: 't1|account|bob@contoso.com', state: { items: ['b'], expiresAt: T0 + 5000 } },
    ]);
    expect(await store.entries('t3|', T0)).toEqual([]);
    expect(await store.entries('', T0)).toHaveLength(3);
  });

  it('forgets every key on clear', async () => {
    await store.update(PAIR, appendUpTo('a'));
    await store.clear();
    expect(await store.get(PAIR)).toBeUndefined();
  });
});

describe('TableStateStore', () => {
  it('keeps neither the address nor the username in the table, and so lists nothing', async () => {
    const table = freshTable();
    const store = new TableStateStore<Tally>(table);
    await store.update(PAIR, appendUpTo('a'));
    const rows = await table.list();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113\.7|alice/u);
    expect(await store.entries('', T0)).toEqual([]);
  });

  it('reads a row of an older layout as no state and replaces it', async () => {
    const table = freshTable();
    const older = new TableStateStore<Tally>(table);
    await older.update(PAIR, appendUpTo('a'));
    const [row] = await table.list();
    if (!row) throw new Error('no row');
    await table.upsert({ partitionKey: row.partitionKey, rowKey: row.rowKey, failures: '[]' });
    expect(await older.get(PAIR)).toBeUndefined();
    expect(await older.update(PAIR, appendUpTo('b'))).toBe(true);
    expect(await older.get(PAIR)).toEqual({ items: ['b'], expiresAt: T0 + 1000 });
  });
});
