import { trace, type Attributes } from '@opentelemetry/api';
import { safeAttributes } from './secret-guard';

/**
 * Adds attributes to the span of the request being served (the active span), checked by the
 * secret guard first. A no-op when telemetry is off or no span is active.
 */
export function annotateRequestSpan(attributes: Attributes): void {
  const span = trace.getActiveSpan();
  if (span?.isRecording()) span.setAttributes(safeAttributes(attributes));
}
