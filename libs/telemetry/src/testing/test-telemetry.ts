import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTelemetry } from '../start-telemetry';
import type { Telemetry } from '../telemetry';
import type { TelemetrySettings } from '../telemetry-settings';
import { CollectingMetricReader } from './collecting-metric-reader';
import { metricPointsOf, type MetricPoint } from './metric-points';

/** The process's telemetry kept in memory, for a test to read. */
export interface TestTelemetry {
  readonly telemetry: Telemetry;
  /** Every span ended so far. */
  spans(): readonly ReadableSpan[];
  /** Every metric point now (cumulative since the start). */
  metricPoints(): Promise<MetricPoint[]>;
  /** Forgets the spans ended so far (metrics are cumulative). */
  resetSpans(): void;
  /** Stops and unregisters the telemetry (call in afterAll / afterEach). */
  shutdown(): Promise<void>;
}

/**
 * Starts the process's telemetry with `TELEMETRY_EXPORTER=memory`: spans into an in-memory
 * exporter as each ends (through the secret guard, as in production), metrics collected on
 * demand. One at a time per process: shut it down before starting another.
 */
export async function startTestTelemetry(
  settings: Partial<TelemetrySettings> = {},
): Promise<TestTelemetry> {
  const spanExporter = new InMemorySpanExporter();
  const metricReader = new CollectingMetricReader();
  const telemetry = await startTelemetry(
    {
      serviceName: 'test',
      otlpEndpoint: 'http://localhost:4318',
      metricExportIntervalMs: 60_000,
      hashKey: undefined,
      azureMonitorConnectionString: undefined,
      ...settings,
      exporter: 'memory',
    },
    { memory: { spanExporter, metricReader } },
  );
  return {
    telemetry,
    spans: () => spanExporter.getFinishedSpans(),
    metricPoints: async () => {
      const { resourceMetrics, errors } = await metricReader.collect();
      if (errors.length > 0) throw new AggregateError(errors, 'metric collection failed');
      return metricPointsOf(resourceMetrics);
    },
    resetSpans: () => {
      spanExporter.reset();
    },
    shutdown: () => telemetry.shutdown(),
  };
}
