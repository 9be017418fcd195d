import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { currentTelemetry } from './current-telemetry';
import { safeAttributes } from './secret-guard';

/** What code running inside {@link inInternalSpan} may say about its operation. */
export interface SpanNotes {
  /** Adds attributes, checked by the secret guard first. */
  set(attributes: Attributes): void;
}

const UNRECORDED: SpanNotes = { set: () => undefined };

/**
 * Runs `operation` inside an INTERNAL span `name`, a child of the active span (the request's),
 * and the parent of any span started within. A rejection ends the span as an error with the
 * error's name only. With telemetry off, `operation` just runs.
 */
export async function inInternalSpan<T>(
  name: string,
  attributes: Attributes,
  operation: (notes: SpanNotes) => Promise<T>,
): Promise<T> {
  const telemetry = currentTelemetry();
  if (!telemetry.enabled) return operation(UNRECORDED);
  return telemetry.tracer.startActiveSpan(
    name,
    { kind: SpanKind.INTERNAL, attributes: safeAttributes(attributes) },
    async (span) => {
      try {
        return await operation({
          set: (more) => span.setAttributes(safeAttributes(more)),
        });
      } catch (error) {
        span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
