/** Smart-lockout state of one (client IP, account) pair. */
export interface LockoutState {
  /** Keyed fingerprints of the distinct wrong passwords since the last success; never passwords. */
  readonly failures: readonly string[];
  /** How many times this pair has been locked: the lockout period grows with it. */
  readonly lockouts: number;
  /** Epoch ms; 0 when not locked. */
  readonly lockedUntil: number;
  /** Epoch ms after which the state is idle and forgotten (see `SmartLockout`). */
  readonly expiresAt: number;
}

/** Where lockout state lives. `update` is atomic per key, so no failure is lost under concurrency. */
export interface LockoutStore {
  get(key: string): Promise<LockoutState | undefined>;
  /**
   * Applies `change` atomically; returning undefined deletes the state. `change` may run more
   * than once when another writer wins a race, so it must not have side effects.
   */
  update(
    key: string,
    change: (state: LockoutState | undefined) => LockoutState | undefined,
  ): Promise<LockoutState | undefined>;
  /** Deletes the states whose `expiresAt` is at or before `now`; returns how many. */
  deleteExpired(now: number): Promise<number>;
  clear(): Promise<void>;
}
