/** A fixed-window counter: how many events fell in the window that started at `start`. */
export interface RateWindow {
  /** Epoch ms at which the window started. */
  readonly start: number;
  readonly count: number;
}

/**
 * Where rate counters live. `hit` is atomic, so that no event goes uncounted when requests run
 * concurrently (or, with a shared store, on several instances).
 */
export interface RateCounterStore {
  /** Counts one event for `key` in the window of `windowMs` that contains `now`. */
  hit(key: string, windowMs: number, now: number): Promise<RateWindow>;
  /** The current window's count for `key`, without counting. */
  peek(key: string, windowMs: number, now: number): Promise<RateWindow>;
  /** Forgets every counter. */
  clear(): Promise<void>;
  /** Deletes the windows that ended at or before `now` (epoch ms); returns how many. */
  deleteExpired(now: number): Promise<number>;
}

/** A counter's window as listed: its key, when it started and ends (epoch ms), its count. */
export interface KeyedRateWindow extends RateWindow {
  readonly key: string;
  readonly end: number;
}

/**
 * A {@link RateCounterStore} that can also list its counters, for an operator's view (the
 * emulator's console shows its service-limit counts); nothing on a request's path lists.
 */
export interface ListableRateCounterStore extends RateCounterStore {
  /** The windows not ended at `now` (epoch ms) of the keys that start with `keyPrefix`. */
  windows(keyPrefix: string, now: number): Promise<KeyedRateWindow[]>;
}

/** The start of the fixed window of `windowMs` that contains `now`. */
export function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}
