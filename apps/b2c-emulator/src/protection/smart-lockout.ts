import { createHmac } from 'node:crypto';
import type { Clock } from '../clock';
import type { LockoutState, LockoutStore } from '../stores/lockout-store';
import type { IdentityProtection } from '../tenant/tenant-model';

/**
 * How long a pair's state outlives its last failure or its lock, whichever ends later. B2C does
 * not document when it forgets failures; a day keeps an attacker's slow guesses counting and the
 * growing lock periods growing, while the stores (memory or a shared table) stay bounded.
 */
export const LOCKOUT_IDLE_MS = 24 * 3600 * 1000;

/** Result of a lockout check: locked with the seconds left, or free. */
export type LockoutCheck =
  { readonly locked: false } | { readonly locked: true; readonly retryAfterSeconds: number };

/**
 * B2C's smart lockout (reference §6), per client IP and account: distinct wrong passwords count
 * (the same wrong password again counts once); at the threshold the pair locks for a period that
 * starts at the configured duration and doubles every `lockoutsPerStep` lockouts, up to the
 * maximum; a failure after an automatic unlock locks again; a success while unlocked resets.
 * State idle for {@link LOCKOUT_IDLE_MS} is forgotten (and swept by the cleanup timer).
 */
export class SmartLockout {
  constructor(
    private readonly store: LockoutStore,
    private readonly clock: Clock,
    private readonly settings: () => IdentityProtection,
    /** Keys the password fingerprints, so that the store never holds anything guessable offline. */
    private readonly fingerprintKey: Buffer,
  ) {}

  /** The store key of a (client IP, normalised username) pair. */
  static key(clientIp: string, normalisedUsername: string): string {
    return `${clientIp}|${normalisedUsername}`;
  }

  /** Checks before any password work, so that a locked request costs almost nothing. */
  async check(key: string): Promise<LockoutCheck> {
    const state = await this.store.get(key);
    const now = this.clock.now();
    if (!state || state.lockedUntil <= now) return { locked: false };
    return { locked: true, retryAfterSeconds: Math.ceil((state.lockedUntil - now) / 1000) };
  }

  /** Records a wrong password; returns the lock it caused, if any. */
  async recordFailure(key: string, password: string): Promise<LockoutCheck> {
    const fingerprint = createHmac('sha256', this.fingerprintKey)
      .update(`${key}\0${password}`)
      .digest('base64url')
      .slice(0, 22);
    const now = this.clock.now();
    const state = await this.store.update(key, (current) =>
      this.afterFailure(current, fingerprint, now),
    );
    if (!state || state.lockedUntil <= now) return { locked: false };
    return { locked: true, retryAfterSeconds: Math.ceil((state.lockedUntil - now) / 1000) };
  }

  /** A successful sign-in while unlocked forgets the pair's failures. */
  async recordSuccess(key: string): Promise<void> {
    await this.store.update(key, () => undefined);
  }

  /** The lock period of the pair's (n+1)-th lockout, in seconds. */
  lockoutSeconds(previousLockouts: number): number {
    const { lockoutDurationSeconds, lockoutsPerStep, maxLockoutSeconds } = this.settings();
    const doublings = Math.floor(previousLockouts / lockoutsPerStep);
    return Math.min(maxLockoutSeconds, lockoutDurationSeconds * 2 ** Math.min(doublings, 30));
  }

  private afterFailure(
    current: LockoutState | undefined,
    fingerprint: string,
    now: number,
  ): LockoutState {
    const live = current && current.expiresAt > now ? current : undefined;
    const state = live ?? { failures: [], lockouts: 0, lockedUntil: 0, expiresAt: now };
    const expiresAt = Math.max(now, state.lockedUntil) + LOCKOUT_IDLE_MS;
    if (state.lockedUntil > now || state.failures.includes(fingerprint))
      return { ...state, expiresAt };
    const failures = [...state.failures, fingerprint].slice(-this.settings().lockoutThreshold);
    if (failures.length < this.settings().lockoutThreshold)
      return { ...state, failures, expiresAt };
    const lockedUntil = now + this.lockoutSeconds(state.lockouts) * 1000;
    return {
      failures,
      lockouts: state.lockouts + 1,
      lockedUntil,
      expiresAt: lockedUntil + LOCKOUT_IDLE_MS,
    };
  }
}
