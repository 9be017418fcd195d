import {
  TELEMETRY_ATTRIBUTES,
  annotateRequestSpan,
  currentTelemetry,
  type AuthorityKind,
  type TelemetryInstruments,
} from '@ropc/telemetry';
import type { ProxyEventSink } from '../proxy/proxy-metrics';

/**
 * Feeds a proxy's events into the telemetry's instruments, by authority kind: upstream calls,
 * the authority's 429s and lockouts, the proxy's own refusals by reason (also on the request's
 * span); and reports the calls
 * of the current 5-minute period (`ropc.upstream.period_calls`) from `periodCalls`. Reads the
 * process's telemetry at each event, so a proxy built before telemetry started still records.
 */
export function proxyTelemetrySink(kind: AuthorityKind, periodCalls: () => number): ProxyEventSink {
  let observing: TelemetryInstruments | undefined;
  const instruments = (): TelemetryInstruments => {
    const current = currentTelemetry().instruments;
    if (observing !== current) {
      current.upstream.observePeriod(kind, periodCalls);
      observing = current;
    }
    return current;
  };
  return {
    upstreamCall: () => {
      instruments().upstream.call(kind);
    },
    upstreamThrottled: () => {
      instruments().upstream.throttled(kind);
    },
    upstreamLockout: () => {
      instruments().lockouts.record(kind);
    },
    refused: (reason) => {
      instruments().refusals.record(kind, reason);
      annotateRequestSpan({ [TELEMETRY_ATTRIBUTES.refusalReason]: reason });
    },
  };
}
