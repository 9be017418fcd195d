import type { Attributes } from '@opentelemetry/api';
import { DataPointType, type ResourceMetrics } from '@opentelemetry/sdk-metrics';

/** One data point of a collected metric, flattened for assertions. */
export interface MetricPoint {
  readonly name: string;
  readonly attributes: Attributes;
  /** A sum's or gauge's value; a histogram's count. */
  readonly value: number;
  /** A histogram's sum. */
  readonly sum?: number;
}

/** Every point of every metric in `collected`. */
export function metricPointsOf(collected: ResourceMetrics): MetricPoint[] {
  const points: MetricPoint[] = [];
  for (const scope of collected.scopeMetrics)
    for (const metric of scope.metrics) {
      const { name } = metric.descriptor;
      if (metric.dataPointType === DataPointType.HISTOGRAM) {
        for (const point of metric.dataPoints)
          points.push({
            name,
            attributes: point.attributes,
            value: point.value.count,
            sum: point.value.sum,
          });
      } else if (
        metric.dataPointType === DataPointType.SUM ||
        metric.dataPointType === DataPointType.GAUGE
      ) {
        for (const point of metric.dataPoints)
          points.push({ name, attributes: point.attributes, value: point.value });
      }
    }
  return points;
}
