/** B2C's per-IP service limit: every upstream call of the proxy counts against it. */
export const B2C_PER_IP_LIMIT = { requests: 6000, windowSeconds: 300 } as const;

/** Why the proxy itself refused an attempt (never forwarded). */
export type RefusalCause =
  | 'client_throttled'
  | 'account_protected'
  | 'device_budget_spent'
  | 'authority_locked'
  | 'attempts_in_flight'
  | 'authority_backoff';

/**
 * Where the same events go besides this class's own counts and log lines: the OpenTelemetry
 * instruments (`telemetry/proxy-telemetry-sink.ts`), so that nothing is counted twice.
 */
export interface ProxyEventSink {
  upstreamCall(): void;
  upstreamThrottled(): void;
  upstreamLockout(): void;
  refused(reason: RefusalCause): void;
}

const NO_SINK: ProxyEventSink = {
  upstreamCall: () => undefined,
  upstreamThrottled: () => undefined,
  upstreamLockout: () => undefined,
  refused: () => undefined,
};

/**
 * What the proxy counts so that operators see B2C's ceiling coming: behind the proxy every user
 * shares its outbound IP, and B2C limits an IP to about 6,000 requests per 5 minutes. The upstream
 * call rate is counted in 5-minute periods and logged when a period ends (and once when it passes
 * 80 % of the limit); every upstream 429 and lockout, and every refusal by reason, is counted.
 */
export class ProxyMetrics {
  private counts = { upstreamThrottled: 0, upstreamLockouts: 0, throttledByProxy: 0 };
  private readonly refusals = new Map<RefusalCause, number>();
  private period = { start: 0, calls: 0, warned: false };
  private lastPeriodCalls = 0;

  constructor(
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
    /** Who logs and whom it calls: the B2C sign-in proxy, or the native-auth proxy. */
    private readonly names: { readonly proxy: string; readonly authority: string } = {
      proxy: 'sign-in proxy',
      authority: 'B2C',
    },
    /** Told of every event too (the telemetry's instruments). */
    private readonly sink: ProxyEventSink = NO_SINK,
  ) {}

  /** A call went to the authority's token endpoint. */
  upstreamCall(): void {
    this.sink.upstreamCall();
    const periodMs = B2C_PER_IP_LIMIT.windowSeconds * 1000;
    const now = this.now();
    const start = now - (now % periodMs);
    if (start !== this.period.start) {
      if (this.period.calls > 0) this.logPeriod();
      this.lastPeriodCalls = start - this.period.start === periodMs ? this.period.calls : 0;
      this.period = { start, calls: 0, warned: false };
    }
    this.period.calls++;
    if (!this.period.warned && this.period.calls >= B2C_PER_IP_LIMIT.requests * 0.8) {
      this.period.warned = true;
      this.log(
        `${this.names.proxy}: WARNING ${this.period.calls} upstream calls in this 5-minute period, 80 % of B2C's per-IP limit of ${B2C_PER_IP_LIMIT.requests}`,
      );
    }
  }

  /** B2C answered 429 (its per-IP or per-tenant limit). */
  upstreamThrottled(): void {
    this.sink.upstreamThrottled();
    this.counts.upstreamThrottled++;
    this.log(
      `${this.names.proxy}: ${this.names.authority} throttled the proxy (429); total ${this.counts.upstreamThrottled}`,
    );
  }

  /** B2C locked an account out (AADB2C90114) as seen from the proxy's IP. */
  upstreamLockout(): void {
    this.sink.upstreamLockout();
    this.counts.upstreamLockouts++;
    this.log(
      `${this.names.proxy}: ${this.names.authority} reported a lockout (AADB2C90114); total ${this.counts.upstreamLockouts}`,
    );
  }

  /** The proxy refused an attempt itself, without forwarding it. */
  refused(reason: RefusalCause): void {
    this.sink.refused(reason);
    this.counts.throttledByProxy++;
    this.refusals.set(reason, (this.refusals.get(reason) ?? 0) + 1);
  }

  /** Calls in the 5-minute period `now` is in (0 once a period passed without any). */
  callsInCurrentPeriod(): number {
    const periodMs = B2C_PER_IP_LIMIT.windowSeconds * 1000;
    const now = this.now();
    return now - (now % periodMs) === this.period.start ? this.period.calls : 0;
  }

  snapshot(): Readonly<
    typeof this.counts & {
      refusals: Readonly<Record<string, number>>;
      upstreamCallsThisPeriod: number;
      upstreamCallsLastPeriod: number;
    }
  > {
    return {
      ...this.counts,
      refusals: Object.fromEntries(this.refusals),
      upstreamCallsThisPeriod: this.period.calls,
      upstreamCallsLastPeriod: this.lastPeriodCalls,
    };
  }

  private logPeriod(): void {
    const share = ((this.period.calls / B2C_PER_IP_LIMIT.requests) * 100).toFixed(1);
    this.log(
      `${this.names.proxy}: ${this.period.calls} upstream calls in the 5 minutes from ${new Date(this.period.start).toISOString()} (${share} % of B2C's per-IP limit of ${B2C_PER_IP_LIMIT.requests})`,
    );
  }
}
