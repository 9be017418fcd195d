import {
  app,
  type FunctionHandler,
  type HttpRequest,
  type InvocationContext,
} from '@azure/functions';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { currentTelemetry } from './current-telemetry';

/**
 * The caller's trace, as the Functions host hands it over: `context.traceContext` holds the
 * request's W3C `traceparent` and `tracestate` (in Azure, those of the host's own request
 * activity, itself a child of the caller's). No trace context: the span starts a new trace.
 */
function callerContext(invocation: InvocationContext): Context {
  const { traceParent, traceState } = invocation.traceContext ?? {};
  if (!traceParent) return ROOT_CONTEXT;
  const carrier: Record<string, string> = { traceparent: traceParent };
  if (traceState) carrier['tracestate'] = traceState;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

function isHttpRequest(value: unknown): value is HttpRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as HttpRequest).method === 'string' &&
    typeof (value as HttpRequest).url === 'string'
  );
}

/** The path of a request URL: never its query, which may hold what a client should not send. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** A handler's HTTP status: its result's `status` (200 when it names none). */
function statusOf(result: unknown): number {
  const status =
    typeof result === 'object' && result !== null
      ? (result as { status?: unknown }).status
      : undefined;
  return typeof status === 'number' ? status : 200;
}

function startInvocationSpan(invocation: InvocationContext, input: unknown, parent: Context): Span {
  const { tracer } = currentTelemetry();
  const common: Attributes = {
    'faas.invocation_id': invocation.invocationId,
    'faas.name': invocation.functionName,
  };
  const trigger = invocation.options.trigger;
  if (trigger.type !== 'httpTrigger' || !isHttpRequest(input))
    return tracer.startSpan(
      invocation.functionName,
      { kind: SpanKind.INTERNAL, attributes: { ...common, 'faas.trigger': 'timer' } },
      parent,
    );
  const route = typeof trigger['route'] === 'string' ? trigger['route'] : invocation.functionName;
  return tracer.startSpan(
    `${input.method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        ...common,
        'faas.trigger': 'http',
        'http.request.method': input.method,
        'http.route': route,
        'url.path': pathOf(input.url),
      },
    },
    parent,
  );
}

/**
 * Runs `handler` inside a span of its invocation — for an HTTP trigger a SERVER span that joins
 * the caller's trace and ends with the response status — so that every span started while it
 * runs (token validation, a call to the authority) is its child. An error ends the span with
 * its name only: an error's message may quote what a client sent.
 */
export function tracedHandler(
  handler: FunctionHandler,
  invocation: InvocationContext,
): FunctionHandler {
  return async (...args: Parameters<FunctionHandler>) => {
    const parent = callerContext(invocation);
    const span = startInvocationSpan(invocation, args[0], parent);
    const active = trace.setSpan(parent, span);
    try {
      const result: unknown = await context.with(active, (): unknown => handler(...args));
      const status = statusOf(result);
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return result;
    } catch (error) {
      span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'the function failed' });
      throw error;
    } finally {
      span.end();
    }
  };
}

/**
 * Traces every invocation of this app's functions (a `preInvocation` hook wrapping each
 * handler in {@link tracedHandler}). Registered only when telemetry is on: with no hook the
 * host skips the hook phase entirely.
 */
export function traceInvocations(): { dispose(): void } {
  return app.hook.preInvocation((hook) => {
    hook.functionHandler = tracedHandler(hook.functionHandler, hook.invocationContext);
  });
}
