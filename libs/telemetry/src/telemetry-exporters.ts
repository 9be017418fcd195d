import type { MetricReader } from '@opentelemetry/sdk-metrics';
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TelemetrySettings } from './telemetry-settings';

/** What a process exports through, besides Application Insights. */
export interface TelemetryPipeline {
  readonly resource: Resource;
  /** The secret guard first, then the exporting processors. */
  readonly spanProcessors: SpanProcessor[];
  readonly metricReaders: MetricReader[];
}

/** What Application Insights export needs to run, and how to stop it. */
export interface AzureMonitorHandle {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Starts Application Insights export (`@ropc/telemetry/azure-monitor`), registering the global
 * providers with the pipeline's processors and readers added. An app passes it to
 * `startTelemetry` when it ships the Azure Monitor distro; without it a connection string is a
 * configuration error rather than silently ignored.
 */
export type AzureMonitorStarter = (
  settings: TelemetrySettings & { readonly azureMonitorConnectionString: string },
  pipeline: TelemetryPipeline,
) => Promise<AzureMonitorHandle>;
