import type { ListableStateStore } from '@ropc/identity-protection';

/** One counted wrong password, and the near-identical ones it also covers. */
export interface CountedFailure {
  /**
   * Keyed fingerprints of the password's forms (see `password-fingerprints.ts`); never passwords.
   */
  readonly fingerprints: readonly string[];
  /** How many distinct near-identical passwords this failure covers, itself included. */
  readonly variants: number;
}

/** A password check admitted and not finished yet: it holds a place toward the threshold. */
export interface PendingCheck {
  readonly id: string;
  /** Epoch ms after which the place frees even if the check never finished (a crashed instance). */
  readonly until: number;
}

/** Smart-lockout state of one (client IP, account) pair. */
export interface LockoutState {
  /** The distinct wrong passwords since the last success. */
  readonly failures: readonly CountedFailure[];
  readonly pending: readonly PendingCheck[];
  /** How many times this pair has been locked: the lockout period grows with it. */
  readonly lockouts: number;
  /** Epoch ms; 0 when not locked. */
  readonly lockedUntil: number;
  /** Epoch ms after which the state is idle and forgotten (see `SmartLockout`). */
  readonly expiresAt: number;
}

/**
 * Where lockout state lives, in memory or on a shared table: `update` is atomic per pair, so the
 * lock check and the admission of a password check are one decision however many instances ask.
 * Listable, with its keys, for the admin API's protection view (`GET /.emulator/protection`).
 */
export type LockoutStore = ListableStateStore<LockoutState>;
