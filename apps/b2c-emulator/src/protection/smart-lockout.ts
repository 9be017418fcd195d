import { keepState, writeState, type KeyedState } from '@ropc/identity-protection';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { CountedFailure, LockoutState, LockoutStore } from '../stores/lockout-store';
import type { IdentityProtection } from '../tenant/tenant-model';
import { passwordFingerprints } from './password-fingerprints';

/**
 * How long a pair's state outlives its last failure or its lock, whichever ends later. B2C does
 * not document when it forgets failures; a day keeps an attacker's slow guesses counting and the
 * growing lock periods growing, while the stores (memory or a shared table) stay bounded.
 */
export const LOCKOUT_IDLE_MS = 24 * 3600 * 1000;

/** A password check never takes this long; an admitted one that never finished frees after it. */
export const PENDING_CHECK_MS = 30_000;

/** Result of a lockout decision: locked (or refused) with the seconds to wait, or free. */
export type LockoutCheck =
  { readonly locked: false } | { readonly locked: true; readonly retryAfterSeconds: number };

/** A password check may go ahead (`ticket` settles it), or the pair is locked. */
export type LockoutAdmission =
  | { readonly admitted: true; readonly ticket: string }
  | { readonly admitted: false; readonly retryAfterSeconds: number };

const EMPTY: LockoutState = {
  failures: [],
  pending: [],
  lockouts: 0,
  lockedUntil: 0,
  expiresAt: 0,
};

/**
 * B2C's smart lockout (docs/b2c-ropc-protocol.md §6), per client IP and account, atomic: admitting
 * a password check is one conditional update together with the lock check, before any hashing, and
 * every admitted check holds a place toward the threshold until it finishes — so however many
 * attempts arrive at once, at most the threshold of wrong passwords is verified per lock period,
 * and the right password sent behind them is refused. Distinct wrong passwords count; the same one
 * again counts once, near-identical ones share a count (see `password-fingerprints.ts`). At the
 * threshold the pair locks for a period that starts at the configured duration and doubles every
 * `lockoutsPerStep` lockouts up to the maximum; a failure after an automatic unlock locks again;
 * a success while unlocked resets, and a success never clears a lock. State idle for
 * {@link LOCKOUT_IDLE_MS} is forgotten (and swept by the cleanup timer).
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

  /**
   * The pairs with live state (failures counted, a lock, checks in flight), by key: for the admin
   * API's protection view. The states hold password fingerprints, which callers never hand out.
   */
  list(): Promise<KeyedState<LockoutState>[]> {
    return this.store.entries('', this.clock.now());
  }

  /** Admits a password check, or refuses it: locked, or as many checks in flight as would lock. */
  admit(key: string): Promise<LockoutAdmission> {
    const ticket = randomUUID();
    const now = this.clock.now();
    return this.store.update<LockoutAdmission>(key, (current) => {
      const state = live(current, now);
      if (state.lockedUntil > now) return keepState(refusal(state.lockedUntil - now));
      if (state.pending.length >= this.places(state))
        return keepState(refusal(this.lockoutSeconds(state.lockouts) * 1000));
      const pending = [...state.pending, { id: ticket, until: now + PENDING_CHECK_MS }];
      const expiresAt = Math.max(state.expiresAt, now + LOCKOUT_IDLE_MS);
      return writeState({ ...state, pending, expiresAt }, { admitted: true, ticket });
    });
  }

  /** Records the wrong password of an admitted check; returns the lock it caused, if any. */
  recordFailure(key: string, ticket: string, password: string): Promise<LockoutCheck> {
    const { nearIdenticalVariants } = this.settings();
    const fingerprints = passwordFingerprints(
      this.fingerprintKey,
      key,
      password,
      nearIdenticalVariants > 1,
    );
    const now = this.clock.now();
    return this.store.update<LockoutCheck>(key, (current) => {
      const next = this.afterFailure(settled(live(current, now), ticket), fingerprints, now);
      return writeState(next, lockCheck(next, now));
    });
  }

  /**
   * Records the right password of an admitted check: resets the pair while it is unlocked; while
   * it is locked (by checks that finished first), answers the lock and changes nothing else.
   */
  recordSuccess(key: string, ticket: string): Promise<LockoutCheck> {
    const now = this.clock.now();
    return this.store.update<LockoutCheck>(key, (current) => {
      const state = settled(live(current, now), ticket);
      if (state.lockedUntil > now) return writeState(state, lockCheck(state, now));
      const reset =
        state.pending.length > 0
          ? { ...EMPTY, pending: state.pending, expiresAt: state.expiresAt }
          : undefined;
      return writeState(reset, { locked: false });
    });
  }

  /**
   * How many password checks may be in flight: as many failures as are left before the threshold,
   * and one after an automatic unlock (its failure locks again).
   */
  private places(state: LockoutState): number {
    return Math.max(1, this.settings().lockoutThreshold - state.failures.length);
  }

  /**
   * Forgets the pair's failures and any lock (External ID: a password reset unlocks the account,
   * docs/entra-native-auth-protocol.md §7.2).
   */
  async forget(key: string): Promise<void> {
    await this.store.update(key, () => writeState(undefined, undefined));
  }

  /** The lock period of the pair's (n+1)-th lockout, in seconds. */
  lockoutSeconds(previousLockouts: number): number {
    const { lockoutDurationSeconds, lockoutsPerStep, maxLockoutSeconds } = this.settings();
    const doublings = Math.floor(previousLockouts / lockoutsPerStep);
    return Math.min(maxLockoutSeconds, lockoutDurationSeconds * 2 ** Math.min(doublings, 30));
  }

  private afterFailure(state: LockoutState, fingerprints: string[], now: number): LockoutState {
    const expiresAt = Math.max(state.expiresAt, Math.max(now, state.lockedUntil) + LOCKOUT_IDLE_MS);
    if (state.lockedUntil > now) return { ...state, expiresAt };
    const failures = countFailure(
      state.failures,
      fingerprints,
      this.settings().nearIdenticalVariants,
    );
    if (failures.length < this.settings().lockoutThreshold)
      return { ...state, failures, expiresAt };
    const lockedUntil = now + this.lockoutSeconds(state.lockouts) * 1000;
    return {
      failures: failures.slice(-this.settings().lockoutThreshold),
      pending: state.pending,
      lockouts: state.lockouts + 1,
      lockedUntil,
      expiresAt: Math.max(expiresAt, lockedUntil + LOCKOUT_IDLE_MS),
    };
  }
}

/**
 * The failures after one more wrong password: the same password again changes nothing; a
 * near-identical one joins the failure it resembles while that covers fewer than
 * `variantsPerFailure`; any other counts anew.
 */
function countFailure(
  failures: readonly CountedFailure[],
  fingerprints: readonly string[],
  variantsPerFailure: number,
): readonly CountedFailure[] {
  const exact = fingerprints[0];
  if (failures.some((failure) => failure.fingerprints.includes(exact ?? ''))) return failures;
  const index = failures.findIndex(
    (failure) =>
      failure.variants < variantsPerFailure &&
      fingerprints.some((fingerprint) => failure.fingerprints.includes(fingerprint)),
  );
  const similar = failures[index];
  if (!similar) return [...failures, { fingerprints: [...fingerprints], variants: 1 }];
  const joined: CountedFailure = {
    fingerprints: [...new Set([...similar.fingerprints, ...fingerprints])],
    variants: similar.variants + 1,
  };
  return failures.map((failure, at) => (at === index ? joined : failure));
}

/** The state at `now`: idle state forgotten, checks past their time dropped. */
function live(state: LockoutState | undefined, now: number): LockoutState {
  if (!state || state.expiresAt <= now) return EMPTY;
  return { ...state, pending: state.pending.filter((check) => check.until > now) };
}

/** The state without the check of `ticket`. */
function settled(state: LockoutState, ticket: string): LockoutState {
  return { ...state, pending: state.pending.filter((check) => check.id !== ticket) };
}

function refusal(remainingMs: number): LockoutAdmission {
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
}

function lockCheck(state: LockoutState, now: number): LockoutCheck {
  if (state.lockedUntil <= now) return { locked: false };
  return { locked: true, retryAfterSeconds: Math.ceil((state.lockedUntil - now) / 1000) };
}
