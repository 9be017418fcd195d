import { MetricReader } from '@opentelemetry/sdk-metrics';

/** A metric reader that exports nothing on its own: a test calls `collect()` when it asks. */
export class CollectingMetricReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}
