import type { Counter, Histogram, Meter, ObservableGauge } from '@opentelemetry/api';
import { TELEMETRY_ATTRIBUTES as ATTR, type AuthorityKind } from '../telemetry-attributes';

/** Seconds, as OpenTelemetry's HTTP client duration: 5 ms up to the proxy's 10 s timeout. */
const DURATION_BOUNDARIES = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10];

/** How many calls a proxy made in the current 5-minute period of the per-IP limit. */
export type PeriodCallsSource = () => number;

/**
 * The proxies' calls to their authority: `ropc.upstream.calls` (a counter: its rate is the
 * calls per second that count against B2C's per-IP ceiling of 6,000 per 5 minutes),
 * `ropc.upstream.period_calls` (a gauge: calls in the current 5-minute period, the number the
 * ceiling applies to), `ropc.upstream.throttled` (the authority's 429s) and
 * `ropc.upstream.duration` (a histogram, seconds, from the request to the end of the answer).
 */
export class UpstreamInstruments {
  static readonly CALLS = 'ropc.upstream.calls';
  static readonly PERIOD_CALLS = 'ropc.upstream.period_calls';
  static readonly THROTTLED = 'ropc.upstream.throttled';
  static readonly DURATION = 'ropc.upstream.duration';
  private readonly calls: Counter;
  private readonly throttledCalls: Counter;
  private readonly duration: Histogram;
  private readonly periodCalls: ObservableGauge;
  private readonly periodSources = new Map<AuthorityKind, PeriodCallsSource>();

  constructor(meter: Meter) {
    this.calls = meter.createCounter(UpstreamInstruments.CALLS, {
      description: "Calls of the proxies to their authority (B2C's per-IP ceiling counts them)",
      unit: '{call}',
    });
    this.throttledCalls = meter.createCounter(UpstreamInstruments.THROTTLED, {
      description: 'Calls the authority answered 429 (its per-IP or per-tenant limit)',
      unit: '{call}',
    });
    this.duration = meter.createHistogram(UpstreamInstruments.DURATION, {
      description: 'Duration of calls to the authority, to the end of the answer',
      unit: 's',
      advice: { explicitBucketBoundaries: DURATION_BOUNDARIES },
    });
    this.periodCalls = meter.createObservableGauge(UpstreamInstruments.PERIOD_CALLS, {
      description: 'Calls to the authority in the current 5-minute period of the per-IP limit',
      unit: '{call}',
    });
    this.periodCalls.addCallback((result) => {
      for (const [kind, source] of this.periodSources)
        result.observe(source(), { [ATTR.authorityKind]: kind });
    });
  }

  call(kind: AuthorityKind): void {
    this.calls.add(1, { [ATTR.authorityKind]: kind });
  }

  throttled(kind: AuthorityKind): void {
    this.throttledCalls.add(1, { [ATTR.authorityKind]: kind });
  }

  /** `status`: the HTTP status, or 0 when no answer came. */
  finished(kind: AuthorityKind, endpoint: string, seconds: number, status: number): void {
    this.duration.record(seconds, {
      [ATTR.authorityKind]: kind,
      [ATTR.upstreamEndpoint]: endpoint,
      'http.response.status_code': status,
    });
  }

  /** Reports a proxy's calls of the current period (the last source of a kind wins). */
  observePeriod(kind: AuthorityKind, source: PeriodCallsSource): void {
    this.periodSources.set(kind, source);
  }
}
