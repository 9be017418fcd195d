import type { TenantRuntime } from '../tenant/tenant-runtime';

/** A lockout as the admin API shows it: whose, how many failures, whether and until when locked. */
export interface LockoutView {
  /** The normalised username. */
  readonly account: string;
  /** The client address of a B2C pair; null for External ID, which locks the account anywhere. */
  readonly clientIp: string | null;
  /** Distinct wrong passwords counted since the last success (or the last lock). */
  readonly failures: number;
  /** How many times this pair has been locked; the lock period grows with it. */
  readonly lockouts: number;
  readonly locked: boolean;
  /** ISO 8601; null when not locked. */
  readonly lockedUntil: string | null;
}

/** A service-limit counter as the admin API shows it. */
export interface ServiceLimitView {
  readonly scope: 'client' | 'tenant';
  /** The client address of a per-address counter; null for the tenant-wide one. */
  readonly clientIp: string | null;
  readonly count: number;
  readonly limit: number;
  readonly windowSeconds: number;
  /** ISO 8601. */
  readonly windowStart: string;
  readonly windowEnd: string;
  /** Whether the next request in this window would be refused. */
  readonly limited: boolean;
}

/** External ID's lockout keys name the account alone: `account|{username}` (native-lockout.ts). */
const ACCOUNT_SCOPE = 'account';

/**
 * The store key of a lockout, split: `{client address}|{username}` (B2C) or `account|{username}`
 * (External ID). Neither an address nor `account` holds a `|`, so the first one splits.
 */
export function splitLockoutKey(key: string): { clientIp: string | null; account: string } {
  const bar = key.indexOf('|');
  const scope = key.slice(0, bar);
  return { clientIp: scope === ACCOUNT_SCOPE ? null : scope, account: key.slice(bar + 1) };
}

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/**
 * The tenant's smart-lockout pairs and service-limit counters as they stand at `now`, sorted
 * (accounts, then addresses; the tenant-wide counter first). Counts and times only: the password
 * fingerprints a lockout keeps never leave the emulator.
 */
export async function protectionView(
  tenant: TenantRuntime,
  now: number,
): Promise<{ lockouts: LockoutView[]; serviceLimits: ServiceLimitView[] }> {
  const [pairs, counts] = await Promise.all([tenant.lockout.list(), tenant.serviceLimits.counts()]);
  const lockouts = pairs
    .map(({ key, state }): LockoutView => {
      const locked = state.lockedUntil > now;
      return {
        ...splitLockoutKey(key),
        failures: state.failures.length,
        lockouts: state.lockouts,
        locked,
        lockedUntil: locked ? iso(state.lockedUntil) : null,
      };
    })
    .sort(
      (one, other) =>
        one.account.localeCompare(other.account) ||
        (one.clientIp ?? '').localeCompare(other.clientIp ?? ''),
    );
  const serviceLimits = counts
    .map((counter): ServiceLimitView => ({
      scope: counter.scope,
      clientIp: counter.clientIp ?? null,
      count: counter.count,
      limit: counter.limit.requests,
      windowSeconds: counter.limit.windowSeconds,
      windowStart: iso(counter.windowStart),
      windowEnd: iso(counter.windowEnd),
      limited: counter.count >= counter.limit.requests,
    }))
    .sort(
      (one, other) =>
        Number(one.scope === 'client') - Number(other.scope === 'client') ||
        (one.clientIp ?? '').localeCompare(other.clientIp ?? ''),
    );
  return { lockouts, serviceLimits };
}
