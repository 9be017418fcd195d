/**
 * @ropc/telemetry/testing: the process's telemetry kept in memory (spans and metric points) for
 * in-process tests, through the same secret guard as production.
 */
export { startTestTelemetry, type TestTelemetry } from './test-telemetry';
export { CollectingMetricReader } from './collecting-metric-reader';
export { metricPointsOf, type MetricPoint } from './metric-points';
