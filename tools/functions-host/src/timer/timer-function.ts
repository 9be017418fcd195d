import { triggerBinding } from '../core/trigger-binding';
import type { RegisteredFunction } from '../core/worker-runtime';
import { parseNcrontab, type NcrontabSchedule } from './ncrontab-schedule';

/** A timer-triggered function and its schedule. */
export interface TimerFunction {
  readonly fn: RegisteredFunction;
  /** As registered, after `%AppSetting%` substitution. */
  readonly scheduleText: string;
  /** `undefined` when the schedule is not a supported NCRONTAB (it can still run by hand). */
  readonly schedule: NcrontabSchedule | undefined;
  readonly runOnStartup: boolean;
  /** Why `schedule` is missing. */
  readonly problem: string | undefined;
}

/**
 * Collects the app's timer triggers. A schedule written `%NAME%` is read from the app setting
 * NAME, as the Functions host does.
 */
export function timerFunctionsOf(
  functions: Iterable<RegisteredFunction>,
  env: NodeJS.ProcessEnv,
): TimerFunction[] {
  const timers: TimerFunction[] = [];
  for (const fn of functions) {
    const { binding, type } = triggerBinding(fn.metadata);
    if (type !== 'timertrigger') continue;
    const raw = typeof binding['schedule'] === 'string' ? binding['schedule'] : '';
    const setting = /^%(.+)%$/.exec(raw)?.[1];
    const scheduleText = setting === undefined ? raw : (env[setting] ?? raw);
    let schedule: NcrontabSchedule | undefined;
    let problem: string | undefined;
    try {
      schedule = parseNcrontab(scheduleText);
    } catch (error) {
      problem = (error as Error).message;
    }
    timers.push({
      fn,
      scheduleText,
      schedule,
      problem,
      runOnStartup: binding['runOnStartup'] === true,
    });
  }
  return timers;
}
