import type { HookCallback, HookData } from './core-types';
import { createHookContext } from './hook-context';
import type { WorkerLogEntry } from './worker-log-entry';

/**
 * Runs `log` hooks (`app.hook.log`) on one entry. As in the worker, hooks may change the level and
 * message of user logs only; system logs pass through unchanged.
 */
export function applyLogHooks(
  hooks: readonly HookCallback[],
  entry: WorkerLogEntry,
  appHookData: HookData,
  invocationContext: unknown,
): WorkerLogEntry {
  if (hooks.length === 0) return entry;
  const context = createHookContext(
    { hookData: {}, appHookData, invocationContext, category: entry.category },
    { level: entry.level, message: entry.message },
  );
  for (const hook of hooks) hook(context);
  return entry.category === 'user'
    ? { ...entry, level: context.level, message: context.message }
    : entry;
}
