import { app } from '@azure/functions';
import { getEmulator } from '../emulator-instance';

/**
 * Every five minutes, deletes expired refresh grants, idle lockout state and ended rate counters
 * (Table storage has no time-to-live, and memory must stay bounded too). In Azure the host runs
 * a timer on one instance at a time; where several processes run it anyway (local hosts on one
 * store), each delete is conditional on the row read, so the runs do not get in each other's way.
 */
export async function cleanupTimer(): Promise<void> {
  const emulator = await getEmulator();
  await emulator.deleteExpired();
}

app.timer('cleanup', { schedule: '0 */5 * * * *', handler: cleanupTimer });
