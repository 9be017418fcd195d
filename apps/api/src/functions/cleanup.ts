import { app, type InvocationContext, type Timer } from '@azure/functions';
import { apiClock } from '../api-clock';
import { getApi } from '../api-instance';
import { deleteExpiredState } from '../state/delete-expired-state';

/**
 * Timer `cleanup`, every 5 minutes: deletes expired ended sessions, throttle windows and account
 * budgets (Table storage keeps rows until they are deleted). On Azure one instance runs each
 * occurrence; locally, `POST /admin/functions/cleanup` runs it at once.
 */
export async function cleanup(_timer: Timer, context: InvocationContext): Promise<void> {
  const deleted = await deleteExpiredState((await getApi()).state, apiClock.now());
  context.log(
    `cleanup: deleted ${deleted.endedSessions} ended sessions, ${deleted.rateCounters} rate-counter rows, ${deleted.accountBudgets} account budgets and ${deleted.deletedNotes} note tombstones`,
  );
}

app.timer('cleanup', { schedule: '0 */5 * * * *', handler: cleanup });
