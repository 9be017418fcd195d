import type { StepReport } from '@ropc/native-auth-testing';

/** The parts of a step's report this suite asserts on. */
const OUTCOME_KEYS = [
  'state',
  'is',
  'handle',
  'codeLength',
  'account',
  'token',
  'error',
] as const satisfies readonly (keyof StepReport)[];

/**
 * What this suite compares of an SDK step, whole (`toEqual`): the state, the true predicates, the
 * handle, the code length, and the account, token or error. The class names (`result`,
 * `stateClass`) and sign-up's `codeResendInterval` and `requiredAttributes` are
 * apps/external-id-sdk-e2e's to check; here they would only make whole-object comparisons depend
 * on them.
 */
export type SdkStepOutcome = Pick<StepReport, (typeof OUTCOME_KEYS)[number]>;

/** The report's {@link SdkStepOutcome}, without the parts the report does not have. */
export function sdkStepOutcome(report: StepReport): SdkStepOutcome {
  return Object.fromEntries(
    OUTCOME_KEYS.filter((key) => report[key] !== undefined).map((key) => [key, report[key]]),
  ) as SdkStepOutcome;
}
