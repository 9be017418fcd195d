import { context, metrics, propagation, trace, type Meter } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  ConsoleMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type MetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { AccountPseudonyms } from './account-pseudonyms';
import { uninstallTelemetry } from './current-telemetry';
import { createTelemetryInstruments } from './instruments/telemetry-instruments';
import { SecretGuardSpanProcessor } from './secret-guard-span-processor';
import { INSTRUMENTATION_SCOPE, type Telemetry } from './telemetry';
import type { AzureMonitorHandle, TelemetryPipeline } from './telemetry-exporters';
import type { TelemetryStartOptions } from './start-telemetry';
import { TelemetryConfigError, type TelemetrySettings } from './telemetry-settings';

/** Where `TELEMETRY_EXPORTER=memory` keeps what a process records (its own tests read it). */
export interface MemoryTelemetrySinks {
  readonly spanExporter: SpanExporter;
  readonly metricReader: MetricReader;
}

/** The exporting span processors and metric readers `settings.exporter` asks for. */
function exportersOf(
  settings: TelemetrySettings,
  memory: MemoryTelemetrySinks | undefined,
): { spanProcessors: SpanProcessor[]; metricReaders: MetricReader[] } {
  const exportIntervalMillis = settings.metricExportIntervalMs;
  // An export may not outlast its interval (the SDK refuses the pair); 30 s is its default.
  const exportTimeoutMillis = Math.min(30_000, exportIntervalMillis);
  switch (settings.exporter) {
    case 'off':
      return { spanProcessors: [], metricReaders: [] };
    case 'console':
      return {
        spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())],
        metricReaders: [
          new PeriodicExportingMetricReader({
            exporter: new ConsoleMetricExporter(),
            exportIntervalMillis,
            exportTimeoutMillis,
          }),
        ],
      };
    case 'otlp':
      // OTLP/HTTP with JSON bodies; OTEL_EXPORTER_OTLP_HEADERS (an API key, say) is read by the
      // exporters themselves. Spans are batched (OTEL_BSP_SCHEDULE_DELAY, default 5 s).
      return {
        spanProcessors: [
          new BatchSpanProcessor(
            new OTLPTraceExporter({ url: `${settings.otlpEndpoint}/v1/traces` }),
          ),
        ],
        metricReaders: [
          new PeriodicExportingMetricReader({
            exporter: new OTLPMetricExporter({ url: `${settings.otlpEndpoint}/v1/metrics` }),
            exportIntervalMillis,
            exportTimeoutMillis,
          }),
        ],
      };
    case 'memory':
      if (!memory)
        throw new TelemetryConfigError([
          'TELEMETRY_EXPORTER=memory keeps telemetry for in-process tests only (@ropc/telemetry/testing); use console or otlp',
        ]);
      return {
        spanProcessors: [new SimpleSpanProcessor(memory.spanExporter)],
        metricReaders: [memory.metricReader],
      };
  }
}

/** Registers a tracer and a meter provider of our own (no Application Insights). */
function startLocalProviders(pipeline: TelemetryPipeline): AzureMonitorHandle {
  const tracerProvider = new NodeTracerProvider({
    resource: pipeline.resource,
    spanProcessors: pipeline.spanProcessors,
  });
  // The async-context manager and the W3C trace-context propagator, globally.
  tracerProvider.register();
  const meterProvider = new MeterProvider({
    resource: pipeline.resource,
    readers: pipeline.metricReaders,
  });
  metrics.setGlobalMeterProvider(meterProvider);
  return {
    forceFlush: async () => {
      await Promise.all([tracerProvider.forceFlush(), meterProvider.forceFlush()]);
    },
    shutdown: async () => {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}

/** The SDK side of `startTelemetry`: loaded only when telemetry is on. */
export async function startTelemetrySdk(
  settings: TelemetrySettings,
  options: TelemetryStartOptions,
): Promise<Telemetry> {
  const exporters = exportersOf(settings, options.memory);
  const pipeline: TelemetryPipeline = {
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    spanProcessors: [new SecretGuardSpanProcessor(), ...exporters.spanProcessors],
    metricReaders: exporters.metricReaders,
  };
  const connectionString = settings.azureMonitorConnectionString;
  let handle: AzureMonitorHandle;
  if (connectionString === undefined) handle = startLocalProviders(pipeline);
  else if (options.azureMonitor)
    handle = await options.azureMonitor(
      { ...settings, azureMonitorConnectionString: connectionString },
      pipeline,
    );
  else
    throw new TelemetryConfigError([
      'APPLICATIONINSIGHTS_CONNECTION_STRING is set, but this app exports to OTLP or the console only (TELEMETRY_EXPORTER)',
    ]);
  const meter: Meter = metrics.getMeter(INSTRUMENTATION_SCOPE);
  return {
    enabled: true,
    tracer: trace.getTracer(INSTRUMENTATION_SCOPE),
    instruments: createTelemetryInstruments(meter),
    accounts: new AccountPseudonyms(settings.hashKey),
    forceFlush: () => handle.forceFlush(),
    shutdown: async () => {
      await handle.shutdown();
      // Unregistered, so that a later start in the same process (tests) registers afresh.
      trace.disable();
      metrics.disable();
      context.disable();
      propagation.disable();
      uninstallTelemetry();
    },
  };
}
