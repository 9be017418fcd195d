import { TableStorage } from '@ropc/table-storage';
import { startAzurite, type RunningAzurite } from '@ropc/table-storage/testing';
import type { EndedSessionStore } from '../src/proxy/ended-session-store';
import { MemoryEndedSessionStore } from '../src/proxy/memory-ended-session-store';
import { TableEndedSessionStore } from '../src/proxy/table-ended-session-store';

let azurite: RunningAzurite | undefined;
let storage: TableStorage;
let tables = 0;

// Starting Azurite takes a few seconds on a busy machine.
beforeAll(async () => {
  azurite = await startAzurite();
  storage = new TableStorage(azurite.connectionString);
}, 30_000);

afterAll(async () => {
  await azurite?.stop();
});

const NOW = 1_900_000_000;
const SID = '6f1c1f3e-3c52-4d4b-9a57-0d7a1f0a2b11';

describe.each([
  ['memory', (): EndedSessionStore => new MemoryEndedSessionStore()],
  [
    'table',
    // A table per test, so that counts of deleted rows are exact.
    (): EndedSessionStore => new TableEndedSessionStore(storage.table(`ended${++tables}`)),
  ],
])('EndedSessionStore contract: %s', (_name, createStore) => {
  let store: EndedSessionStore;

  beforeEach(() => {
    store = createStore();
  });

  it('knows a session as ended until its time, and not after', async () => {
    await store.end(SID, NOW + 60);
    expect(await store.isEnded(SID, NOW)).toBe(true);
    expect(await store.isEnded(SID, NOW + 59)).toBe(true);
    expect(await store.isEnded(SID, NOW + 60)).toBe(false);
    expect(await store.isEnded('another-session', NOW)).toBe(false);
  });

  it('takes a session id of any shape, as a cookie might hold', async () => {
    const odd = 'a/b\\c#d?e\u0000f'.repeat(100);
    await store.end(odd, NOW + 60);
    expect(await store.isEnded(odd, NOW)).toBe(true);
    expect(await store.isEnded('a/b\\c#d?e', NOW)).toBe(false);
  });

  it('records a session ended again until its new time', async () => {
    await store.end(SID, NOW + 60);
    await store.end(SID, NOW + 600);
    expect(await store.isEnded(SID, NOW + 300)).toBe(true);
  });

  it('deletes exactly the sessions whose time has come, and counts them', async () => {
    await store.end('expired-earlier', NOW - 3600);
    await store.end('expired-now', NOW);
    await store.end('live', NOW + 1);
    expect(await store.deleteExpired(NOW)).toBe(2);
    expect(await store.deleteExpired(NOW)).toBe(0);
    expect(await store.isEnded('live', NOW)).toBe(true);
    expect(await store.deleteExpired(NOW + 1)).toBe(1);
    expect(await store.isEnded('live', NOW)).toBe(false);
  });
});
