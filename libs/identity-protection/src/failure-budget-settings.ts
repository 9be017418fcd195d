/**
 * How many failed sign-ins per account the sign-in proxy lets reach the authority, and for how
 * long each one counts (docs/architecture.md, "The sign-in proxy"). Attempts from browsers without
 * a known device draw on the anonymous budget; attempts from a known device on that device's share
 * of the device budget, which anonymous failures cannot spend.
 */
export interface FailureBudgetSettings {
  /** `AUTH_ANONYMOUS_FAILURE_BUDGET`: failures per account without a known device (default 4). */
  readonly anonymous: number;
  /** Failures per known device (default 2). */
  readonly perDevice: number;
  /** Failures of all known devices of an account together (default 4). */
  readonly devicesPerAccount: number;
  /** `AUTH_FAILURE_MEMORY_SECONDS`: how long a failure counts (default 86400). */
  readonly memorySeconds: number;
  /** How long a device stays known after its sign-in: an ended trust is remembered this long. */
  readonly deviceTrustSeconds: number;
}

/**
 * The defaults of docs/architecture.md, for an authority that locks at 10 (B2C's smart lockout).
 */
export const DEFAULT_FAILURE_BUDGET: FailureBudgetSettings = {
  anonymous: 4,
  perDevice: 2,
  devicesPerAccount: 4,
  memorySeconds: 86_400,
  deviceTrustSeconds: 180 * 86_400,
};

/**
 * Failures that may reach the authority outside the budgets' accounting — a proxy instance on
 * other state, another app behind the same outbound IP, an owner's own attempt straight at the
 * authority — so the budgets together stay this far below its threshold.
 */
export const AUTHORITY_THRESHOLD_MARGIN = 2;

/**
 * Why `settings` could let the authority reach `authorityThreshold` failures for an account (or
 * cannot work at all); empty when they are safe. Every problem names the settings to change.
 */
export function failureBudgetProblems(
  settings: FailureBudgetSettings,
  authorityThreshold: number,
): string[] {
  const problems: string[] = [];
  const { anonymous, perDevice, devicesPerAccount, memorySeconds } = settings;
  if (![anonymous, perDevice, devicesPerAccount].every((n) => Number.isInteger(n) && n >= 1))
    problems.push('failure budgets must be whole numbers of at least 1');
  if (perDevice > devicesPerAccount)
    problems.push('the per-device failure budget cannot exceed the per-account device budget');
  const allowed = authorityThreshold - AUTHORITY_THRESHOLD_MARGIN;
  if (anonymous + devicesPerAccount > allowed)
    problems.push(
      `AUTH_ANONYMOUS_FAILURE_BUDGET (${anonymous}) + the per-account AUTH_DEVICE_FAILURE_BUDGET ` +
        `(${devicesPerAccount}) must not exceed AUTH_AUTHORITY_LOCKOUT_THRESHOLD − ` +
        `${AUTHORITY_THRESHOLD_MARGIN} (${allowed}), or attempts through the proxy could lock the ` +
        'account at the authority',
    );
  if (!Number.isInteger(memorySeconds) || memorySeconds < 60)
    problems.push('AUTH_FAILURE_MEMORY_SECONDS must be a whole number of at least 60');
  return problems;
}
