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

/** The start of the fixed window of `windowMs` that contains `now`. */
export function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}
