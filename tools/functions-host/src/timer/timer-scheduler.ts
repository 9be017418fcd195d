import { invokeFunction } from '../core/invoke-function';
import type { WorkerRuntime } from '../core/worker-runtime';
import { describeError } from '../describe-error';
import type { HostLogger } from '../host-logger';
import type { TimerFunction } from './timer-function';
import { toTimerInvocationRequest } from './to-timer-invocation-request';

/** setTimeout's longest delay; longer waits are taken in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Runs timer triggers on their schedules (UTC) and on demand. An occurrence that arrives while the
 * previous run of the same timer is still going is skipped, as the host runs each timer alone.
 */
export class TimerScheduler {
  readonly #timers = new Map<string, TimerFunction>();
  readonly #handles = new Set<NodeJS.Timeout>();
  readonly #running = new Map<string, Promise<void>>();
  readonly #lastRun = new Map<string, Date>();
  #stopped = false;

  constructor(
    private readonly runtime: WorkerRuntime,
    private readonly logger: HostLogger,
    timers: readonly TimerFunction[],
  ) {
    for (const timer of timers) this.#timers.set(timer.fn.metadata.name.toLowerCase(), timer);
  }

  /** Arms every schedule and fires `runOnStartup` timers. */
  start(): void {
    for (const timer of this.#timers.values()) {
      if (timer.problem !== undefined) {
        this.logger.warn(`Timer "${timer.fn.metadata.name}" runs only on demand: ${timer.problem}`);
      }
      this.#arm(timer, new Date());
      if (timer.runOnStartup) void this.#runQuietly(timer);
    }
  }

  /** Whether a timer function has this name (case-insensitive, as function names are). */
  has(name: string): boolean {
    return this.#timers.has(name.toLowerCase());
  }

  /** Runs a timer now; rejects if it is unknown or its handler fails. */
  async run(name: string): Promise<void> {
    const timer = this.#timers.get(name.toLowerCase());
    if (!timer) throw new Error(`No timer function named "${name}".`);
    await this.#run(timer);
  }

  /** Disarms all schedules and waits for runs in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const handle of this.#handles) clearTimeout(handle);
    this.#handles.clear();
    await Promise.allSettled(this.#running.values());
  }

  #arm(timer: TimerFunction, after: Date): void {
    const next = timer.schedule?.next(after);
    if (this.#stopped || !next) return;
    const handle = setTimeout(
      () => {
        this.#handles.delete(handle);
        if (Date.now() < next.getTime()) {
          this.#arm(timer, new Date(next.getTime() - 1000));
          return;
        }
        this.#arm(timer, next);
        if (!this.#running.has(timer.fn.metadata.name)) void this.#runQuietly(timer);
      },
      Math.min(MAX_DELAY_MS, Math.max(0, next.getTime() - Date.now())),
    );
    handle.unref();
    this.#handles.add(handle);
  }

  async #runQuietly(timer: TimerFunction): Promise<void> {
    try {
      await this.#run(timer);
    } catch (error) {
      this.logger.error(`Timer "${timer.fn.metadata.name}" failed: ${describeError(error)}`);
    }
  }

  async #run(timer: TimerFunction): Promise<void> {
    const name = timer.fn.metadata.name;
    const now = new Date();
    const status = {
      last: this.#lastRun.get(name),
      next: timer.schedule?.next(now),
      isPastDue: false,
    };
    this.#lastRun.set(name, now);
    const run = invokeFunction(this.runtime, timer.fn, toTimerInvocationRequest(timer.fn, status));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#running.set(name, settled);
    try {
      await run;
    } finally {
      if (this.#running.get(name) === settled) this.#running.delete(name);
    }
  }
}
