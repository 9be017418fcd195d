import { app } from '@azure/functions';
import { getEmulator } from '../emulator-instance';

/**
 * Every five minutes, deletes expired refresh grants, idle lockout state and ended rate counters
 * (Table storage has no time-to-live, and memory must stay bounded too). With several instances
 * each runs it; the deletes are conditional, so they do not get in each other's way.
 */
export async function cleanupTimer(): Promise<void> {
  const emulator = await getEmulator();
  await emulator.deleteExpired();
}

app.timer('cleanup', { schedule: '0 */5 * * * *', handler: cleanupTimer });
