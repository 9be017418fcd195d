// @ts-check
// Time budgets. Every figure has one, in seconds, scaled to BENCH_RUNS × BENCH_SECONDS (each suite
// exports `budgets(options)`). A figure's clock counts only the time spent measuring that figure
// (its warm-up, set-up and runs); a figure that takes longer than its budget is reported "over
// budget" with its value. Past its hard limit (twice the budget, and at least 30 s over it) a
// figure is stopped and reported without a value, so that a hung measurement cannot hold the
// suite past its 10 minutes.
import { summarize } from './measure.mjs';

/** @import { Summary } from './measure.mjs' */

/**
 * What BENCH_RUNS and BENCH_SECONDS set: runs per figure and seconds per run.
 * @typedef {object} BenchOptions
 * @property {number} runs
 * @property {number} seconds
 */

/**
 * A suite's figures: id → its budget in seconds, or the ids of the two figures it derives from.
 * @typedef {Readonly<Record<string, number | readonly string[]>>} Budgets
 */

/**
 * The clock of each figure of `B`: measured figures get a FigureClock, derived ones a DerivedClock.
 * @template {Budgets} B
 * @typedef {{ [K in keyof B]: B[K] extends number ? FigureClock : DerivedClock }} ClocksOf
 */

/**
 * A figure's budget and the time it took.
 * @typedef {object} FigureBudget
 * @property {number} seconds The budget.
 * @property {number} elapsed Seconds spent measuring it.
 * @property {boolean} over
 */

/**
 * The fields of a figure that its clock owns.
 * @typedef {object} ClockFields
 * @property {string} id
 * @property {Summary | undefined} value
 * @property {FigureBudget} budget
 * @property {string} [error]
 */

/** The whole `npm run bench`, build included, must finish within this. */
export const SUITE_LIMIT_SECONDS = 600;

const STOPPED = Symbol('stopped');

export class FigureClock {
  /**
   * @param {string} id
   * @param {number} seconds Its budget.
   */
  constructor(id, seconds) {
    this.id = id;
    this.seconds = seconds;
    this.elapsed = 0;
    /** @type {number[]} */
    this.samples = [];
    /** @type {string | undefined} */
    this.error = undefined;
  }

  /** Seconds after which a measurement is abandoned. */
  get hardLimit() {
    return Math.max(2 * this.seconds, this.seconds + 30);
  }

  /** Milliseconds left before the hard limit (for child-process timeouts). */
  get remainingMs() {
    return Math.max(1000, Math.floor((this.hardLimit - this.elapsed) * 1000));
  }

  /**
   * Runs `fn` on this figure's clock. Resolves with its result, or with undefined when the figure
   * has failed (the error is kept for the report) or has reached its hard limit.
   * @template T
   * @param {() => T | Promise<T>} fn
   * @returns {Promise<T | undefined>}
   */
  async time(fn) {
    if (this.error) return undefined;
    const start = performance.now();
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const work = Promise.resolve().then(fn);
    /** @type {Promise<typeof STOPPED>} */
    const stop = new Promise((resolve) => {
      timer = setTimeout(resolve, this.remainingMs, STOPPED);
    });
    try {
      const result = await Promise.race([work, stop]);
      if (result === STOPPED) {
        // The abandoned measurement ends when its suite stops the servers; ignore how it ends.
        void work.catch(() => undefined);
        this.error = `stopped at its hard limit of ${Math.round(this.hardLimit)} s`;
        return undefined;
      }
      return result;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return undefined;
    } finally {
      clearTimeout(timer);
      this.elapsed += (performance.now() - start) / 1000;
    }
  }

  /**
   * Times `fn` and keeps its number as one sample of the figure.
   * @template T
   * @param {() => T | Promise<T>} fn
   * @returns {Promise<T | undefined>}
   */
  async sample(fn) {
    const value = await this.time(fn);
    if (typeof value === 'number' && Number.isFinite(value)) this.samples.push(value);
    else if (value !== undefined && !this.error) this.error = `not a number: ${String(value)}`;
    return value;
  }

  /**
   * `runs` samples of `fn(run)`, stopping at the first failure; returns their summary.
   * @param {number} runs
   * @param {(run: number) => unknown} fn
   */
  async repeat(runs, fn) {
    for (let run = 0; run < runs && !this.error; run++) await this.sample(() => fn(run));
    return this.summary();
  }

  /**
   * min / median / max of the samples, or undefined when the figure failed or has none.
   * @returns {Summary | undefined}
   */
  summary() {
    return this.error || this.samples.length === 0 ? undefined : summarize(this.samples);
  }

  /** @returns {FigureBudget} */
  budget() {
    return { seconds: this.seconds, elapsed: this.elapsed, over: this.elapsed > this.seconds };
  }

  /**
   * The fields of the figure that this clock owns: id, value, budget and any error.
   * @param {Summary | undefined} [value]
   * @returns {ClockFields}
   */
  fields(value = this.summary()) {
    return {
      id: this.id,
      value: this.error ? undefined : value,
      budget: this.budget(),
      ...(this.error ? { error: this.error } : {}),
    };
  }
}

/**
 * A figure computed from other figures' samples (a ratio of interleaved runs): its budget is the
 * sum of theirs, and so is its time.
 */
export class DerivedClock {
  /**
   * @param {string} id
   * @param {readonly [FigureClock, FigureClock]} sources
   */
  constructor(id, sources) {
    this.id = id;
    this.sources = sources;
  }

  /** @returns {FigureBudget} */
  budget() {
    const seconds = this.sources.reduce((sum, clock) => sum + clock.seconds, 0);
    const elapsed = this.sources.reduce((sum, clock) => sum + clock.elapsed, 0);
    return { seconds, elapsed, over: elapsed > seconds };
  }

  /**
   * Run by run, `combine(a, b)` of the sources' samples (they must have the same runs).
   * @param {(a: number, b: number) => number} combine
   * @returns {ClockFields}
   */
  fields(combine) {
    const [a, b] = this.sources;
    let error = this.sources.find((clock) => clock.error)?.error;
    if (!error && (a.samples.length === 0 || a.samples.length !== b.samples.length))
      error = 'its source figures have different numbers of runs';
    return {
      id: this.id,
      value: error
        ? undefined
        : summarize(
            a.samples.map((value, run) => combine(value, /** @type {number} */ (b.samples[run]))),
          ),
      budget: this.budget(),
      ...(error ? { error: `from ${a.id} / ${b.id}: ${error}` } : {}),
    };
  }
}

/**
 * One clock per figure of a suite's budgets: a number is a figure measured on its own clock, an
 * array of ids a figure derived from those figures (listed before it).
 * @template {Budgets} B
 * @param {B} budgets
 * @returns {ClocksOf<B>}
 */
export function clocksFor(budgets) {
  /** @type {Record<string, FigureClock | DerivedClock>} */
  const clocks = {};
  for (const [id, budget] of Object.entries(budgets)) {
    clocks[id] =
      typeof budget === 'number'
        ? new FigureClock(id, budget)
        : new DerivedClock(
            id,
            /** @type {[FigureClock, FigureClock]} */ (budget.map((source) => clocks[source])),
          );
  }
  return /** @type {ClocksOf<B>} */ (clocks);
}

/**
 * Seconds of all measured figures' budgets (derived figures add nothing).
 * @param {Budgets} budgets
 */
export function budgetSeconds(budgets) {
  return Object.values(budgets).reduce(
    (/** @type {number} */ sum, budget) => sum + (typeof budget === 'number' ? budget : 0),
    0,
  );
}
