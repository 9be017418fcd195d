// Time budgets. Every figure has one, in seconds, scaled to BENCH_RUNS × BENCH_SECONDS (each suite
// exports `budgets(options)`). A figure's clock counts only the time spent measuring that figure
// (its warm-up, set-up and runs); a figure that takes longer than its budget is reported "over
// budget" with its value. Past its hard limit (twice the budget, and at least 30 s over it) a
// figure is stopped and reported without a value, so that a hung measurement cannot hold the
// suite past its 10 minutes.
import { summarize } from './measure.mjs';

/** The whole `npm run bench`, build included, must finish within this. */
export const SUITE_LIMIT_SECONDS = 600;

const STOPPED = Symbol('stopped');

export class FigureClock {
  constructor(id, seconds) {
    this.id = id;
    this.seconds = seconds;
    this.elapsed = 0;
    this.samples = [];
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
   */
  async time(fn) {
    if (this.error) return undefined;
    const start = performance.now();
    let timer;
    const work = Promise.resolve().then(fn);
    const stop = new Promise((resolve) => {
      timer = setTimeout(resolve, this.remainingMs, STOPPED);
    });
    try {
      const result = await Promise.race([work, stop]);
      if (result === STOPPED) {
        // The abandoned measurement ends when its suite stops the servers; ignore how it ends.
        work.catch(() => undefined);
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

  /** Times `fn` and keeps its number as one sample of the figure. */
  async sample(fn) {
    const value = await this.time(fn);
    if (typeof value === 'number' && Number.isFinite(value)) this.samples.push(value);
    else if (value !== undefined && !this.error) this.error = `not a number: ${String(value)}`;
    return value;
  }

  /** `runs` samples of `fn(run)`, stopping at the first failure; returns their summary. */
  async repeat(runs, fn) {
    for (let run = 0; run < runs && !this.error; run++) await this.sample(() => fn(run));
    return this.summary();
  }

  /** min / median / max of the samples, or undefined when the figure failed or has none. */
  summary() {
    return this.error || this.samples.length === 0 ? undefined : summarize(this.samples);
  }

  budget() {
    return { seconds: this.seconds, elapsed: this.elapsed, over: this.elapsed > this.seconds };
  }

  /** The fields of the figure that this clock owns: id, value, budget and any error. */
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
  constructor(id, sources) {
    this.id = id;
    this.sources = sources;
  }

  budget() {
    const seconds = this.sources.reduce((sum, clock) => sum + clock.seconds, 0);
    const elapsed = this.sources.reduce((sum, clock) => sum + clock.elapsed, 0);
    return { seconds, elapsed, over: elapsed > seconds };
  }

  /** Run by run, `combine(a, b)` of the sources' samples (they must have the same runs). */
  fields(combine) {
    const [a, b] = this.sources;
    let error = this.sources.find((clock) => clock.error)?.error;
    if (!error && (a.samples.length === 0 || a.samples.length !== b.samples.length))
      error = 'its source figures have different numbers of runs';
    return {
      id: this.id,
      value: error
        ? undefined
        : summarize(a.samples.map((value, run) => combine(value, b.samples[run]))),
      budget: this.budget(),
      ...(error ? { error: `from ${a.id} / ${b.id}: ${error}` } : {}),
    };
  }
}

/**
 * One clock per figure of a suite's budgets: a number is a figure measured on its own clock, an
 * array of ids a figure derived from those figures.
 */
export function clocksFor(budgets) {
  const clocks = {};
  for (const [id, budget] of Object.entries(budgets)) {
    clocks[id] = Array.isArray(budget)
      ? new DerivedClock(
          id,
          budget.map((source) => clocks[source]),
        )
      : new FigureClock(id, budget);
  }
  return clocks;
}

/** Seconds of all measured figures' budgets (derived figures add nothing). */
export function budgetSeconds(budgets) {
  return Object.values(budgets).reduce(
    (sum, budget) => sum + (Array.isArray(budget) ? 0 : budget),
    0,
  );
}
