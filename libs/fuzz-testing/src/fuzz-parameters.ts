import fc, { type Parameters } from 'fast-check';

/** The seed of `npm test`'s fuzz runs: the same inputs every time, so a failure reproduces. */
export const DEFAULT_FUZZ_SEED = 20_261_207;

/** The variables `npm run fuzz` sets (tests pass `process.env`). */
export interface FuzzEnvironment {
  /** The seed (an integer); default {@link DEFAULT_FUZZ_SEED}. */
  readonly FUZZ_SEED?: string;
  /** Runs per property, instead of the suite's own small number. */
  readonly FUZZ_RUNS?: string;
  /** Seconds per property after which a long run stops (without failing). */
  readonly FUZZ_SECONDS?: string;
}

/**
 * fast-check parameters for one property: `runs` of it with the fixed seed inside `npm test`, or
 * what `npm run fuzz` asked for. A failure's message names the seed and the path that replay it.
 */
export function fuzzParameters<T>(env: FuzzEnvironment, runs: number): Parameters<T> {
  const seed = env.FUZZ_SEED === undefined ? DEFAULT_FUZZ_SEED : Number(env.FUZZ_SEED);
  const numRuns = env.FUZZ_RUNS === undefined ? runs : Number(env.FUZZ_RUNS);
  const seconds = env.FUZZ_SECONDS === undefined ? undefined : Number(env.FUZZ_SECONDS);
  if (!Number.isInteger(seed) || !Number.isInteger(numRuns) || numRuns < 1)
    throw new TypeError('FUZZ_SEED and FUZZ_RUNS must be integers (runs at least 1)');
  return {
    seed,
    numRuns,
    ...(seconds !== undefined && seconds > 0
      ? {
          plugins: [
            fc.interruptAfterTimeLimit(seconds * 1000, { failOnInterrupt: false }) as fc.Plugin<T>,
          ],
        }
      : {}),
  };
}

/**
 * A fuzz test's timeout: `inNpmTest` for the short runs, or enough for a long run's time limit
 * (FUZZ_SECONDS) plus set-up.
 */
export function fuzzTimeoutMs(env: FuzzEnvironment, inNpmTest: number): number {
  const seconds = env.FUZZ_SECONDS === undefined ? 0 : Number(env.FUZZ_SECONDS);
  return Math.max(inNpmTest, seconds * 1000 + 60_000);
}
