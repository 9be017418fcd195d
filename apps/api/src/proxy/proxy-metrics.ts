/**
 * What the proxy counts so that operators see B2C's ceiling coming: behind the proxy every user
 * shares its IP, and B2C limits an IP to about 6,000 requests per 5 minutes.
 */
export class ProxyMetrics {
  private counts = { upstreamThrottled: 0, upstreamLockouts: 0, throttledByProxy: 0 };

  constructor(private readonly log: (line: string) => void) {}

  /** B2C answered 429 (its per-IP or per-tenant limit). */
  upstreamThrottled(): void {
    this.counts.upstreamThrottled++;
    this.log(
      `sign-in proxy: B2C throttled the proxy (429); total ${this.counts.upstreamThrottled}`,
    );
  }

  /** B2C locked an account out (AADB2C90114) as seen from the proxy's IP. */
  upstreamLockout(): void {
    this.counts.upstreamLockouts++;
    this.log(
      `sign-in proxy: B2C reported a lockout (AADB2C90114); total ${this.counts.upstreamLockouts}`,
    );
  }

  /** The proxy's own throttle refused a request. */
  throttled(): void {
    this.counts.throttledByProxy++;
  }

  snapshot(): Readonly<typeof this.counts> {
    return { ...this.counts };
  }
}
