/** A fixed-window request counter. */
export interface RateWindow {
  /** Epoch ms at which the window started. */
  readonly start: number;
  readonly count: number;
}

/** Where request counters live. `hit` is atomic, so no request goes uncounted. */
export interface RateLimitStore {
  /** Counts one request for `key` in the window of `windowMs` that contains `now`. */
  hit(key: string, windowMs: number, now: number): Promise<RateWindow>;
  clear(): Promise<void>;
}
