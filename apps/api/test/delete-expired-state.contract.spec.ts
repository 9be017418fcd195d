import { keepState, writeState, type AccountLedger } from '@ropc/identity-protection';
import { TableStorage } from '@ropc/table-storage';
import { startAzurite, type RunningAzurite } from '@ropc/table-storage/testing';
import { API_TABLES, createApiState, type ApiState } from '../src/state/api-state';
import { deleteExpiredState } from '../src/state/delete-expired-state';

let azurite: RunningAzurite | undefined;
let connectionString: string;

// Starting Azurite takes a few seconds on a busy machine.
beforeAll(async () => {
  azurite = await startAzurite();
  connectionString = azurite.connectionString;
}, 30_000);

afterAll(async () => {
  await azurite?.stop();
});

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const MINUTE = 60_000;

describe.each([
  // In memory a key keeps only its latest window (203.0.113.7's old one was replaced by its
  // current one); the table keeps a partition per window.
  ['memory', (): ApiState => createApiState(undefined), 1],
  ['table', (): ApiState => createApiState({ connectionString, timeoutMs: 5000 }), 2],
])('deleteExpiredState: %s', (_name, createState, expiredCounterRows) => {
  beforeEach(async () => {
    const storage = new TableStorage(connectionString);
    for (const name of Object.values(API_TABLES)) await storage.table(name).clear();
  });

  const budgetUntil = (expiresAt: number): AccountLedger => ({
    entries: [],
    blockedUntil: expiresAt,
    devicesTrustedFrom: 0,
    seq: 1,
    expiresAt,
  });

  it('deletes ended sessions, throttle windows and account budgets that have expired, and counts them', async () => {
    const state = createState();
    await state.endedSessions.end('expired', NOW / 1000 - 1);
    await state.endedSessions.end('live', NOW / 1000 + 300);
    await state.counters.hit('ip:203.0.113.7', MINUTE, NOW - 2 * MINUTE);
    await state.counters.hit('ip:198.51.100.1', MINUTE, NOW - 2 * MINUTE);
    await state.counters.hit('ip:203.0.113.7', MINUTE, NOW);
    await state.budgets.update('a|alice@contoso.com', () => writeState(budgetUntil(NOW - 1), 0));
    await state.budgets.update('a|bob@contoso.com', () => writeState(budgetUntil(NOW + 1), 0));

    expect(await deleteExpiredState(state, NOW)).toEqual({
      endedSessions: 1,
      rateCounters: expiredCounterRows,
      deletedNotes: 0,
      accountBudgets: 1,
    });
    expect(await deleteExpiredState(state, NOW)).toEqual({
      endedSessions: 0,
      rateCounters: 0,
      deletedNotes: 0,
      accountBudgets: 0,
    });
    expect(await state.budgets.update('a|bob@contoso.com', (ledger) => keepState(ledger))).toEqual(
      budgetUntil(NOW + 1),
    );
    expect(await state.endedSessions.isEnded('live', NOW / 1000)).toBe(true);
    expect(await state.counters.peek('ip:203.0.113.7', MINUTE, NOW)).toEqual({
      start: NOW,
      count: 1,
    });
  });
});
