// @ts-check
// Measurement primitives: rates over a fixed time, repeated for min/median/max. Benchmarks report
// ratios against a baseline measured in the same run, never absolute pass/fail timings in tests.
// Repeated runs go through a figure's clock (budget.mjs), which keeps its samples and its time.

/**
 * min / median / max of a figure's runs, and how many runs there were.
 * @typedef {object} Summary
 * @property {number} min
 * @property {number} median
 * @property {number} max
 * @property {number} runs
 */

/**
 * Runs `fn` back to back on this thread for `seconds`; returns operations per second.
 * @param {() => unknown} fn Synchronous, or returns a promise that is awaited.
 * @param {number} seconds
 */
export async function rateOf(fn, seconds) {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  const start = performance.now();
  while (performance.now() < end) {
    await fn();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

/**
 * Runs `concurrency` closed loops of `fn(loopIndex)` for `seconds`; returns completions per second.
 * @param {(loop: number) => Promise<unknown>} fn
 * @param {{ concurrency: number, seconds: number }} options
 */
export async function throughputOf(fn, { concurrency, seconds }) {
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      while (performance.now() < end) {
        await fn(loop);
        count++;
      }
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

/**
 * Median of the latencies (ms) of `count` sequential calls of `fn`.
 * @param {(index: number) => Promise<unknown>} fn
 * @param {number} count At least 1.
 */
export async function medianLatency(fn, count) {
  const samples = [];
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    await fn(index);
    samples.push(performance.now() - start);
  }
  return summarize(samples).median;
}

/**
 * min / median / max of numbers.
 * @param {readonly number[]} values At least one: the callers never summarize no runs.
 * @returns {Summary}
 */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ index) => /** @type {number} */ (sorted[index]);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
  return { min: at(0), median, max: at(sorted.length - 1), runs: sorted.length };
}

/**
 * The 95th percentile (nearest rank) of at least one value: with fewer than 20, the largest.
 * @param {readonly number[]} values
 */
export function p95Of(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return /** @type {number} */ (sorted[Math.ceil(0.95 * sorted.length) - 1]);
}
