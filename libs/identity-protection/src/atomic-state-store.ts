/** A small state that knows when it may be forgotten. */
export interface ExpiringState {
  /** Epoch ms after which nothing reads the state any more and the cleanup may delete it. */
  readonly expiresAt: number;
}

/**
 * What an {@link AtomicStateStore.update} decides from the state it read: a result for the
 * caller, and whether to write — a new state, or `undefined` to delete it. Deciding not to write
 * costs no write, which keeps refusals cheap and free of contention.
 */
export type StateDecision<T, R> =
  | { readonly result: R; readonly write: false }
  | { readonly result: R; readonly write: true; readonly next: T | undefined };

/**
 * Where small per-key states live (lockout state, failure budgets), in one instance's memory or
 * shared by many instances. `update` is atomic per key: the decision is applied only to the state
 * it was made from, so concurrent updates never lose one another's changes.
 */
export interface AtomicStateStore<T extends ExpiringState> {
  get(key: string): Promise<T | undefined>;
  /**
   * Reads the state of `key`, decides, and writes what was decided, atomically. `decide` may run
   * more than once when another writer wins a race, so it must not have side effects.
   */
  update<R>(key: string, decide: (current: T | undefined) => StateDecision<T, R>): Promise<R>;
  /** Deletes the states whose `expiresAt` is at or before `now` (epoch ms); returns how many. */
  deleteExpired(now: number): Promise<number>;
  clear(): Promise<void>;
}

/** A state and the key it is kept under. */
export interface KeyedState<T> {
  readonly key: string;
  readonly state: T;
}

/**
 * An {@link AtomicStateStore} that can also list what it holds, for an operator's view (the
 * emulator's console shows its lockouts); nothing on a request's path lists.
 */
export interface ListableStateStore<T extends ExpiringState> extends AtomicStateStore<T> {
  /** The states under keys that start with `keyPrefix` and not expired at `now` (epoch ms). */
  entries(keyPrefix: string, now: number): Promise<KeyedState<T>[]>;
}

/** A decision that writes `next` (or deletes, for `undefined`) and answers `result`. */
export function writeState<T, R>(next: T | undefined, result: R): StateDecision<T, R> {
  return { result, write: true, next };
}

/** A decision that leaves the state as it is and answers `result`. */
export function keepState<R>(result: R): StateDecision<never, R> {
  return { result, write: false };
}
