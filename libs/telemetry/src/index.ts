/**
 * @ropc/telemetry: OpenTelemetry for the two Functions apps — settings, the process's tracer and
 * instruments, the spans of invocations and of calls to the authorities (W3C trace context), the
 * account pseudonym (keyed HMAC) and the secret guard. Node only. Application Insights export is
 * in `@ropc/telemetry/azure-monitor`; in-memory exporters for tests in `@ropc/telemetry/testing`.
 */
export {
  readTelemetrySettings,
  telemetryEnabled,
  describeTelemetry,
  TelemetryConfigError,
  DEFAULT_OTLP_ENDPOINT,
  DEFAULT_METRIC_EXPORT_INTERVAL_MS,
  type TelemetrySettings,
  type TelemetryExporterKind,
} from './telemetry-settings';
export { startTelemetry, type TelemetryStartOptions } from './start-telemetry';
export { currentTelemetry, installTelemetry } from './current-telemetry';
export { disabledTelemetry, INSTRUMENTATION_SCOPE, type Telemetry } from './telemetry';
export type {
  AzureMonitorStarter,
  AzureMonitorHandle,
  TelemetryPipeline,
} from './telemetry-exporters';
export type { MemoryTelemetrySinks } from './telemetry-sdk';
export {
  TELEMETRY_ATTRIBUTES,
  type AuthorityKind,
  type SignInOutcome,
} from './telemetry-attributes';
export { AccountPseudonyms } from './account-pseudonyms';
export { looksLikeSecret, safeAttributes, REDACTED } from './secret-guard';
export { SecretGuardSpanProcessor } from './secret-guard-span-processor';
export { traceInvocations, tracedHandler } from './invocation-spans';
export {
  traceUpstreamCall,
  upstreamEndpointOf,
  type UpstreamCallTrace,
} from './upstream-call-trace';
export { inInternalSpan, type SpanNotes } from './internal-span';
export { annotateRequestSpan } from './request-span';
export { SignInCounter } from './instruments/sign-in-counter';
export { RefreshCounter } from './instruments/refresh-counter';
export { RefusalCounter } from './instruments/refusal-counter';
export { LockoutCounter } from './instruments/lockout-counter';
export { UpstreamInstruments, type PeriodCallsSource } from './instruments/upstream-instruments';
export { TokenValidationInstruments } from './instruments/token-validation-instruments';
export type { TelemetryInstruments } from './instruments/telemetry-instruments';
