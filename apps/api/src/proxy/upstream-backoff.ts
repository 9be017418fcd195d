/** When the authority says nothing, how long a 429 holds the proxy back (seconds). */
export const DEFAULT_THROTTLE_BACKOFF_SECONDS = 10;

/** When a lockout (AADB2C90114) comes without `Retry-After`: B2C's first lock period (seconds). */
export const DEFAULT_LOCKOUT_SECONDS = 60;

/** At most this long, whatever the authority says (seconds). */
const MAX_BACKOFF_SECONDS = 3600;

/**
 * The proxy's back-off after the authority throttled it (429): every upstream call waits until
 * the advertised time has passed instead of adding to the load that caused it. Per instance:
 * each instance learns of the throttling from its own next call, so N instances send at most N
 * more.
 */
export class UpstreamBackoff {
  private until = 0;

  constructor(private readonly now: () => number) {}

  /** Seconds left to wait, or 0 when calls may go upstream. */
  remainingSeconds(): number {
    const left = this.until - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Holds calls back for `seconds` (capped at an hour). */
  backOff(seconds: number): void {
    const bounded = Math.min(MAX_BACKOFF_SECONDS, Math.max(1, seconds));
    this.until = Math.max(this.until, this.now() + bounded * 1000);
  }
}

/** A `Retry-After` header in seconds (delta form), or `fallback` when absent or not a delay. */
export function retryAfterSeconds(header: string | null, fallback: number): number {
  if (header === null || !/^\d{1,9}$/.test(header.trim())) return fallback;
  return Math.max(1, Number(header.trim()));
}
