/**
 * @ropc/fuzz-testing: the settings every property-based fuzz suite of the workspace runs with
 * (fast-check), so that `npm test` runs them briefly with one fixed seed and `npm run fuzz` runs
 * them long with a printed seed to replay. Tests only.
 */
export {
  fuzzParameters,
  fuzzTimeoutMs,
  DEFAULT_FUZZ_SEED,
  type FuzzEnvironment,
} from './fuzz-parameters';
