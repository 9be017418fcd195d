import type { LockoutState, LockoutStore } from '../../src/stores/lockout-store';
import { MemoryLockoutStore } from '../../src/stores/memory-lockout-store';
import { TableLockoutStore } from '../../src/stores/table-lockout-store';
import { sameStore, twoInstances, useAzuriteTables } from './azurite-tables';

const freshTable = useAzuriteTables();

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const PAIR = '203.0.113.7|alice@contoso.com';

const appending =
  (fingerprint: string, expiresAt: number) =>
  (state: LockoutState | undefined): LockoutState => ({
    failures: [...(state?.failures ?? []), fingerprint],
    lockouts: state?.lockouts ?? 0,
    lockedUntil: state?.lockedUntil ?? 0,
    expiresAt,
  });

/** A store and a second handle on the same state (another instance, for the table). */
type StorePair = readonly [LockoutStore, LockoutStore];

describe.each([
  ['memory', (): StorePair => sameStore(new MemoryLockoutStore())],
  [
    'table',
    (): StorePair => twoInstances(freshTable('lockouts'), (table) => new TableLockoutStore(table)),
  ],
])('LockoutStore contract: %s', (_name, createStores) => {
  let store: LockoutStore;
  let twin: LockoutStore;

  beforeEach(() => {
    [store, twin] = createStores();
  });

  it('creates, changes and deletes the state of a pair', async () => {
    expect(await store.get(PAIR)).toBeUndefined();
    const first = await store.update(PAIR, appending('f1', T0 + 1000));
    expect(first).toEqual({ failures: ['f1'], lockouts: 0, lockedUntil: 0, expiresAt: T0 + 1000 });
    const locked = await store.update(PAIR, (state) =>
      state ? { ...state, lockouts: 1, lockedUntil: T0 + 60_000, expiresAt: T0 + 90_000 } : state,
    );
    expect(await store.get(PAIR)).toEqual(locked);
    expect(await store.get('198.51.100.1|alice@contoso.com')).toBeUndefined();
    expect(await store.update(PAIR, () => undefined)).toBeUndefined();
    expect(await store.get(PAIR)).toBeUndefined();
    expect(await store.update(PAIR, () => undefined)).toBeUndefined();
  });

  it('keeps every failure appended by concurrent updates', async () => {
    const fingerprints = Array.from({ length: 10 }, (_, index) => `f${index}`);
    await Promise.all(
      fingerprints.map((fingerprint, index) =>
        (index % 2 ? twin : store).update(PAIR, appending(fingerprint, T0 + 1000)),
      ),
    );
    expect([...((await store.get(PAIR))?.failures ?? [])].sort()).toEqual(fingerprints.sort());
  });

  it('deletes the states that have expired', async () => {
    await store.update(PAIR, appending('f1', T0 + 1000));
    await store.update('198.51.100.1|bob@contoso.com', appending('f2', T0 + 5000));
    expect(await store.deleteExpired(T0 + 999)).toBe(0);
    expect(await store.deleteExpired(T0 + 1000)).toBe(1);
    expect(await store.get(PAIR)).toBeUndefined();
    expect((await store.get('198.51.100.1|bob@contoso.com'))?.failures).toEqual(['f2']);
  });

  it('forgets every pair on clear', async () => {
    await store.update(PAIR, appending('f1', T0 + 1000));
    await store.clear();
    expect(await store.get(PAIR)).toBeUndefined();
  });
});

describe('TableLockoutStore', () => {
  it('keeps neither the address nor the username in the table', async () => {
    const table = freshTable('lockouts');
    await new TableLockoutStore(table).update(PAIR, appending('f1', T0 + 1000));
    const rows = await table.list();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113\.7|alice/u);
  });
});
