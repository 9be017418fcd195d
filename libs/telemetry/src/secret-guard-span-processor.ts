import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { redactInPlace } from './secret-guard';

/**
 * The last check before export: registered ahead of the exporting processors, it redacts any
 * attribute of an ended span (and of its events) that looks like a secret, whoever set it —
 * the apps' own code, or an instrumentation of a library.
 */
export class SecretGuardSpanProcessor implements SpanProcessor {
  onStart(_span: Span, _parentContext: Context): void {
    // Attributes set at start are checked with the rest when the span ends.
  }

  onEnd(span: ReadableSpan): void {
    // An ended span's attributes are a plain object the exporters read next; redacting it in
    // place is what lets this run before them without copying every span.
    redactInPlace(span.attributes);
    for (const event of span.events) if (event.attributes) redactInPlace(event.attributes);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
