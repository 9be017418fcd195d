import type { RpcTraceContext } from '../core/core-types';

/** W3C Trace Context version 00: `00-{trace-id}-{parent-id}-{flags}`, lower-case hex. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const ALL_ZEROS = /^0+$/;
/** The spec's bound on `tracestate`: 32 list members of at most 256 characters each. */
const MAX_TRACESTATE_LENGTH = 32 * 257;

/**
 * The invocation's trace context, as the Functions host passes it to the worker: the request's
 * `traceparent` and `tracestate` (W3C Trace Context). The real host passes its own request
 * activity's id there, itself a child of the caller's `traceparent`; this host records no spans
 * of its own, so it passes the caller's context through and the app's span is the caller's
 * child directly. A missing or invalid `traceparent` (a bad version 00 form, all-zero ids)
 * passes none, and the app starts a new trace, as the spec asks of a receiver.
 */
export function traceContextOf(headers: Readonly<Record<string, string>>): RpcTraceContext {
  const traceParent = headers['traceparent']?.trim().toLowerCase() ?? '';
  const match = TRACEPARENT.exec(traceParent);
  if (!match || ALL_ZEROS.test(match[1] ?? '') || ALL_ZEROS.test(match[2] ?? ''))
    return { traceParent: '', traceState: '', attributes: {} };
  const traceState = headers['tracestate'] ?? '';
  return {
    traceParent,
    traceState: traceState.length <= MAX_TRACESTATE_LENGTH ? traceState : '',
    attributes: {},
  };
}
