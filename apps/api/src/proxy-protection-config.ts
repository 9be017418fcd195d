import {
  DEFAULT_FAILURE_BUDGET,
  failureBudgetProblems,
  type FailureBudgetSettings,
} from '@ropc/identity-protection';

/** A throttle: at most `limit` events per `windowSeconds`. */
export interface ThrottleLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

/**
 * The sign-in proxy's identity protection (docs/architecture.md, "The sign-in proxy"), validated.
 */
export interface ProxyProtectionSettings {
  /** `AUTH_AUTHORITY_LOCKOUT_THRESHOLD` (default 10): the authority's smart-lockout threshold. */
  readonly authorityLockoutThreshold: number;
  /** The per-account failure budgets, safely below that threshold. */
  readonly failureBudget: FailureBudgetSettings;
  /** `AUTH_THROTTLE_IP` (default `20/60`): sign-in attempts per client. */
  readonly signInPerClient: ThrottleLimit;
  /** `AUTH_THROTTLE_REFRESH_SESSION` (default `20/60`): refreshes per session. */
  readonly refreshPerSession: ThrottleLimit;
  /** `AUTH_THROTTLE_REFRESH_IP` (default `600/60`): refreshes per client. */
  readonly refreshPerClient: ThrottleLimit;
}

type Env = Readonly<Record<string, string | undefined>>;

/** `limit/windowSeconds`, both positive whole numbers. */
export function readThrottle(
  env: Env,
  name: string,
  fallback: string,
  problems: string[],
): ThrottleLimit {
  const match = /^(\d+)\/(\d+)$/.exec(env[name] || fallback);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    problems.push(`${name} must look like "limit/windowSeconds", e.g. ${fallback}`);
    return { limit: 1, windowSeconds: 1 };
  }
  return { limit: Number(match[1]), windowSeconds: Number(match[2]) };
}

function readWholeNumber(
  env: Env,
  name: string,
  fallback: number,
  range: readonly [number, number],
  problems: string[],
): number {
  const raw = env[name] || String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < range[0] || value > range[1]) {
    problems.push(`${name} must be a whole number from ${range[0]} to ${range[1]}`);
    return fallback;
  }
  return value;
}

/** `AUTH_DEVICE_FAILURE_BUDGET`: `perDevice/perAccount`, e.g. `2/4`. */
function readDeviceBudget(env: Env, problems: string[]): { perDevice: number; perAccount: number } {
  const fallback = `${DEFAULT_FAILURE_BUDGET.perDevice}/${DEFAULT_FAILURE_BUDGET.devicesPerAccount}`;
  const match = /^(\d+)\/(\d+)$/.exec(env['AUTH_DEVICE_FAILURE_BUDGET'] || fallback);
  if (!match) {
    problems.push(
      `AUTH_DEVICE_FAILURE_BUDGET must look like "perDevice/perAccount", e.g. ${fallback}`,
    );
    return { perDevice: 1, perAccount: 1 };
  }
  return { perDevice: Number(match[1]), perAccount: Number(match[2]) };
}

/** Reads the proxy's protection settings, adding every problem to `problems`. */
export function readProxyProtection(env: Env, problems: string[]): ProxyProtectionSettings {
  if (env['AUTH_THROTTLE_USERNAME'] !== undefined)
    problems.push(
      'AUTH_THROTTLE_USERNAME is no longer read: per-account failure budgets replace it — ' +
        'set AUTH_ANONYMOUS_FAILURE_BUDGET, AUTH_DEVICE_FAILURE_BUDGET and AUTH_FAILURE_MEMORY_SECONDS instead',
    );
  const threshold = readWholeNumber(
    env,
    'AUTH_AUTHORITY_LOCKOUT_THRESHOLD',
    10,
    [3, 100],
    problems,
  );
  const devices = readDeviceBudget(env, problems);
  const failureBudget: FailureBudgetSettings = {
    ...DEFAULT_FAILURE_BUDGET,
    anonymous: readWholeNumber(
      env,
      'AUTH_ANONYMOUS_FAILURE_BUDGET',
      DEFAULT_FAILURE_BUDGET.anonymous,
      [1, 98],
      problems,
    ),
    perDevice: devices.perDevice,
    devicesPerAccount: devices.perAccount,
    memorySeconds: readWholeNumber(
      env,
      'AUTH_FAILURE_MEMORY_SECONDS',
      DEFAULT_FAILURE_BUDGET.memorySeconds,
      [60, 30 * 86_400],
      problems,
    ),
  };
  problems.push(...failureBudgetProblems(failureBudget, threshold));
  return {
    authorityLockoutThreshold: threshold,
    failureBudget,
    signInPerClient: readThrottle(env, 'AUTH_THROTTLE_IP', '20/60', problems),
    refreshPerSession: readThrottle(env, 'AUTH_THROTTLE_REFRESH_SESSION', '20/60', problems),
    refreshPerClient: readThrottle(env, 'AUTH_THROTTLE_REFRESH_IP', '600/60', problems),
  };
}
