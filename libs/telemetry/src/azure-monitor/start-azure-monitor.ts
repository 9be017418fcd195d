import { metrics, trace } from '@opentelemetry/api';
import type { AzureMonitorStarter } from '../telemetry-exporters';

/**
 * Application Insights through `useAzureMonitor`, with the pipeline's secret guard and other
 * exporters added. Its HTTP instrumentation is off: in Azure Functions the worker sees no HTTP
 * server (the host does), and the apps make their own client span, with `traceparent`, for each
 * call to an authority — an automatic one would double it. Azure SDK calls (Table storage) are
 * still traced as dependencies. The distro's logs bridge is not used: the apps log through the
 * Functions host, which sends its logs to Application Insights itself.
 */
/** A provider's `forceFlush`, when it has one. */
function flush(provider: object): Promise<void> {
  const { forceFlush } = provider as { forceFlush?: () => Promise<void> };
  return forceFlush ? forceFlush.call(provider) : Promise.resolve();
}

export const startAzureMonitor: AzureMonitorStarter = async (settings, pipeline) => {
  // Loaded here, on use: the distro is most of the bundle's code, and an app only needs it with
  // a connection string.
  const { shutdownAzureMonitor, useAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: settings.azureMonitorConnectionString },
    resource: pipeline.resource,
    spanProcessors: pipeline.spanProcessors,
    metricReaders: pipeline.metricReaders,
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: { enabled: false },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  return {
    forceFlush: async () => {
      // The distro keeps its providers to itself; they are the global ones (the tracer provider
      // behind the API's proxy, which hands out its delegate).
      const global = trace.getTracerProvider() as unknown as { getDelegate?: () => object };
      await Promise.all([
        flush(global.getDelegate?.() ?? global),
        flush(metrics.getMeterProvider()),
      ]);
    },
    shutdown: () => shutdownAzureMonitor(),
  };
};
