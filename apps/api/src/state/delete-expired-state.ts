import type { ApiState } from './api-state';

/** How many expired entries one cleanup deleted, per kind. */
export interface ExpiredStateCounts {
  readonly endedSessions: number;
  readonly rateCounters: number;
  readonly deletedNotes: number;
  readonly accountBudgets: number;
}

/**
 * Deletes what has expired at `now` (epoch ms): ended sessions whose cookies have expired,
 * throttle windows that have ended, failure budgets nothing counts in any more, and what deleted
 * notes left behind. Table storage has no time-to-live, so without this the
 * tables would only grow; expired entries are already ignored by every read.
 */
export async function deleteExpiredState(
  state: ApiState,
  now: number,
): Promise<ExpiredStateCounts> {
  const [endedSessions, rateCounters, deletedNotes, accountBudgets] = await Promise.all([
    state.endedSessions.deleteExpired(Math.floor(now / 1000)),
    state.counters.deleteExpired(now),
    state.notes.deleteExpired(now),
    state.budgets.deleteExpired(now),
  ]);
  return { endedSessions, rateCounters, deletedNotes, accountBudgets };
}
