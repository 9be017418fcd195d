import type { RateCounterStore } from './rate-counter-store';

/** A limit: at most `limit` events per `windowSeconds`. */
export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** A limiter's answer: over the limit (with seconds until the window ends) or not. */
export type LimitCheck =
  | { readonly limited: false; readonly count: number }
  | { readonly limited: true; readonly count: number; readonly retryAfterSeconds: number };

/** A fixed-window limiter over a {@link RateCounterStore}: `hit` counts and checks, `peek` checks. */
export class FixedWindowLimiter {
  constructor(
    private readonly store: RateCounterStore,
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {
    if (!Number.isInteger(limit.limit) || limit.limit < 1 || !(limit.windowSeconds > 0)) {
      throw new TypeError('a rate limit needs a positive integer limit and a positive window');
    }
  }

  /** Counts one event for `key`; limited once the count exceeds the limit. */
  async hit(key: string): Promise<LimitCheck> {
    const now = this.now();
    const window = await this.store.hit(key, this.windowMs, now);
    return this.answer(window.count > this.limit.limit, window.count, window.start, now);
  }

  /**
   * Whether one more event for `key` would be over the limit, without counting it: for events
   * counted only once their outcome is known (`hit` afterwards). Concurrent callers may all pass
   * it, so it bounds a burst only by the calls in flight.
   */
  async peek(key: string): Promise<LimitCheck> {
    const now = this.now();
    const window = await this.store.peek(key, this.windowMs, now);
    return this.answer(window.count >= this.limit.limit, window.count, window.start, now);
  }

  private get windowMs(): number {
    return this.limit.windowSeconds * 1000;
  }

  private answer(limited: boolean, count: number, start: number, now: number): LimitCheck {
    if (!limited) return { limited: false, count };
    const retryAfterSeconds = Math.max(1, Math.ceil((start + this.windowMs - now) / 1000));
    return { limited: true, count, retryAfterSeconds };
  }
}
