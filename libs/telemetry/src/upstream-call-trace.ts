import {
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Span,
} from '@opentelemetry/api';
import { currentTelemetry } from './current-telemetry';
import { TELEMETRY_ATTRIBUTES as ATTR, type AuthorityKind } from './telemetry-attributes';

/** One call of a proxy to its authority, traced and timed. */
export interface UpstreamCallTrace {
  /** Headers to send with the call: `traceparent` (and `tracestate`) of its CLIENT span. */
  readonly headers: Readonly<Record<string, string>>;
  /** The authority's status line came. */
  answered(status: number): void;
  /** The call is over: its answer read or dropped, or no answer came. */
  end(): void;
}

const UNTRACED: UpstreamCallTrace = {
  headers: {},
  answered: () => undefined,
  end: () => undefined,
};

/** Endpoint families of the authorities, as the span and the histogram name them. */
const ENDPOINT = /\/(oauth2\/v2\.0|signup\/v1\.0|resetpassword\/v1\.0)\/([a-z_]+)$/;
const FAMILY_PREFIX: Readonly<Record<string, string>> = {
  'oauth2/v2.0': '',
  'signup/v1.0': 'signup/',
  'resetpassword/v1.0': 'resetpassword/',
};

/** `token`, `initiate`, `signup/start`, … from the URL's path; `other` for anything else. */
export function upstreamEndpointOf(url: URL): string {
  const match = ENDPOINT.exec(url.pathname);
  if (!match) return 'other';
  const [, family = '', name = ''] = match;
  return `${FAMILY_PREFIX[family] ?? ''}${name}`;
}

/**
 * Starts the CLIENT span of a call to `url` (a child of the request being served) and the clock
 * of `ropc.upstream.duration`. The span names the URL without its query, the endpoint, the
 * status; never the form it sends (which holds the password or a token).
 */
export function traceUpstreamCall(kind: AuthorityKind, url: string): UpstreamCallTrace {
  const telemetry = currentTelemetry();
  if (!telemetry.enabled) return UNTRACED;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return UNTRACED;
  }
  const endpoint = upstreamEndpointOf(parsed);
  const span: Span = telemetry.tracer.startSpan(
    `POST ${endpoint}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': 'POST',
        'server.address': parsed.hostname,
        'server.port': Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)),
        'url.full': `${parsed.origin}${parsed.pathname}`,
        [ATTR.authorityKind]: kind,
        [ATTR.upstreamEndpoint]: endpoint,
      },
    },
    context.active(),
  );
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), headers);
  const startedAt = performance.now();
  let status = 0;
  let ended = false;
  return {
    headers,
    answered(answeredStatus) {
      status = answeredStatus;
      span.setAttribute('http.response.status_code', answeredStatus);
      if (answeredStatus >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    },
    end() {
      if (ended) return;
      ended = true;
      if (status === 0) {
        span.setAttribute('error.type', 'unreachable');
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'no answer' });
      }
      const seconds = (performance.now() - startedAt) / 1000;
      telemetry.instruments.upstream.finished(kind, endpoint, seconds, status);
      span.end();
    },
  };
}
