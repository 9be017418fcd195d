import { createNoopMeter, trace, type Tracer } from '@opentelemetry/api';
import { AccountPseudonyms } from './account-pseudonyms';
import {
  createTelemetryInstruments,
  type TelemetryInstruments,
} from './instruments/telemetry-instruments';

/** The tracer's and meter's instrumentation scope. */
export const INSTRUMENTATION_SCOPE = 'ropc';

/** A process's telemetry: where the apps start spans and record metric points. */
export interface Telemetry {
  /** False while telemetry is off: callers skip work whose only purpose is telemetry. */
  readonly enabled: boolean;
  readonly tracer: Tracer;
  readonly instruments: TelemetryInstruments;
  readonly accounts: AccountPseudonyms;
  /** Exports what is pending now (tests; a Functions host ending the process). */
  forceFlush(): Promise<void>;
  /** Flushes and stops exporting; the process's telemetry is off afterwards. */
  shutdown(): Promise<void>;
}

/** Telemetry that records nothing, at the cost of a no-op call. */
export function disabledTelemetry(): Telemetry {
  return {
    enabled: false,
    // The API's proxy tracer: no-op until a provider is registered.
    tracer: trace.getTracer(INSTRUMENTATION_SCOPE),
    instruments: createTelemetryInstruments(createNoopMeter()),
    accounts: new AccountPseudonyms(undefined),
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}
