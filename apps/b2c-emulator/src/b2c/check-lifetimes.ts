import { DEFAULT_LIFETIMES } from '../tenant/tenant-defaults';
import type { TenantFileProblem } from '../tenant/tenant-file-error';
import type { TokenLifetimes } from './user-flow';

/** The lifetimes B2C lets an administrator choose, in seconds (docs/b2c-ropc-protocol.md §5.2). */
export const B2C_LIFETIME_RANGES: Readonly<
  Record<keyof TokenLifetimes, { readonly min: number; readonly max: number }>
> = {
  accessTokenSeconds: { min: 300, max: 86400 },
  idTokenSeconds: { min: 300, max: 86400 },
  refreshTokenSeconds: { min: 86400, max: 7776000 },
  slidingWindowSeconds: { min: 86400, max: 31536000 },
};

/** Problems that stop the load, and out-of-range values accepted on purpose. */
export interface LifetimeCheckResult {
  readonly problems: TenantFileProblem[];
  readonly warnings: string[];
}

/**
 * Checks one user flow's `lifetimes` object against B2C's ranges and against "the sliding window
 * is at least the refresh-token lifetime". With `allowOutOfRange`, a value outside its range is
 * accepted with a warning; the ordering rule always holds. Values the schema rejects (not
 * positive integers) are left to the schema's report.
 */
export function checkLifetimes(
  lifetimes: Readonly<Record<string, unknown>>,
  path: string,
  allowOutOfRange: boolean,
): LifetimeCheckResult {
  const result: LifetimeCheckResult = { problems: [], warnings: [] };
  for (const [name, range] of Object.entries(B2C_LIFETIME_RANGES)) {
    const value = lifetimes[name];
    if (!isPositiveInteger(value) || (value >= range.min && value <= range.max)) {
      continue;
    }
    const where = `${path}/${name}`;
    const rangeText = `B2C's range ${range.min}–${range.max} seconds`;
    if (allowOutOfRange) {
      result.warnings.push(
        `${where} is ${value} seconds, outside ${rangeText}; accepted because allowOutOfRangeLifetimes is true`,
      );
    } else {
      result.problems.push({
        path: where,
        message: `must be within ${rangeText} (set allowOutOfRangeLifetimes to accept other values)`,
      });
    }
  }
  result.problems.push(...checkSlidingWindow(lifetimes, path));
  return result;
}

/** B2C refuses a sliding window shorter than the refresh-token lifetime; so do we. */
function checkSlidingWindow(
  lifetimes: Readonly<Record<string, unknown>>,
  path: string,
): TenantFileProblem[] {
  // `in`, not `??`: an explicit null sliding window means "no expiry", not "the default".
  const refresh =
    'refreshTokenSeconds' in lifetimes
      ? lifetimes['refreshTokenSeconds']
      : DEFAULT_LIFETIMES.refreshTokenSeconds;
  const sliding =
    'slidingWindowSeconds' in lifetimes
      ? lifetimes['slidingWindowSeconds']
      : DEFAULT_LIFETIMES.slidingWindowSeconds;
  if (!isPositiveInteger(refresh) || !isPositiveInteger(sliding) || sliding >= refresh) {
    return [];
  }
  // Point at the value the author wrote; the other one is a default they may not know about.
  return 'slidingWindowSeconds' in lifetimes
    ? [{ path: `${path}/slidingWindowSeconds`, message: 'must be at least refreshTokenSeconds' }]
    : [
        {
          path: `${path}/refreshTokenSeconds`,
          message: `must not exceed slidingWindowSeconds (default ${sliding})`,
        },
      ];
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
