import { currentTelemetry, installTelemetry } from './current-telemetry';
import type { Telemetry } from './telemetry';
import type { AzureMonitorStarter } from './telemetry-exporters';
import type { MemoryTelemetrySinks } from './telemetry-sdk';
import { telemetryEnabled, type TelemetrySettings } from './telemetry-settings';

/** Options of {@link startTelemetry}. */
export interface TelemetryStartOptions {
  /** Application Insights export, for an app that ships the Azure Monitor distro. */
  readonly azureMonitor?: AzureMonitorStarter;
  /** Where `TELEMETRY_EXPORTER=memory` keeps spans and metrics (`@ropc/telemetry/testing`). */
  readonly memory?: MemoryTelemetrySinks;
}

/**
 * Sets up the process's telemetry from `settings` and makes it current: off (the default) loads
 * no SDK at all and records nothing; otherwise spans and metrics go to the console, OTLP/HTTP,
 * memory and/or Application Insights, each span checked by the secret guard before export. The
 * tracer provider is registered globally (the async-context manager and the W3C propagator),
 * so spans started inside a request's span are its children.
 *
 * @throws TelemetryConfigError for Application Insights without a starter, or `memory` without
 *   sinks.
 */
export async function startTelemetry(
  settings: TelemetrySettings,
  options: TelemetryStartOptions = {},
): Promise<Telemetry> {
  if (!telemetryEnabled(settings)) return currentTelemetry();
  // Loaded only when on: the SDK is most of the telemetry code, and most processes never need it.
  const { startTelemetrySdk } = await import('./telemetry-sdk');
  return installTelemetry(await startTelemetrySdk(settings, options));
}
