import {
  DEFAULT_METRIC_EXPORT_INTERVAL_MS,
  DEFAULT_OTLP_ENDPOINT,
  TelemetryConfigError,
  describeTelemetry,
  readTelemetrySettings,
  telemetryEnabled,
} from './telemetry-settings';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('readTelemetrySettings', () => {
  it('is off by default, with the OpenTelemetry defaults', () => {
    const settings = readTelemetrySettings({}, 'api');
    expect(settings).toEqual({
      serviceName: 'api',
      exporter: 'off',
      azureMonitorConnectionString: undefined,
      otlpEndpoint: DEFAULT_OTLP_ENDPOINT,
      metricExportIntervalMs: DEFAULT_METRIC_EXPORT_INTERVAL_MS,
      hashKey: undefined,
    });
    expect(telemetryEnabled(settings)).toBe(false);
    expect(describeTelemetry(settings)).toMatch(/^telemetry off/);
  });

  it('reads every setting', () => {
    const settings = readTelemetrySettings(
      {
        TELEMETRY_EXPORTER: 'OTLP',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/',
        OTEL_METRIC_EXPORT_INTERVAL: '500',
        OTEL_SERVICE_NAME: 'api-west',
        TELEMETRY_HASH_KEY: KEY,
      },
      'api',
    );
    expect(settings).toMatchObject({
      serviceName: 'api-west',
      exporter: 'otlp',
      otlpEndpoint: 'http://127.0.0.1:4318',
      metricExportIntervalMs: 500,
    });
    expect(Buffer.from(settings.hashKey ?? []).equals(Buffer.alloc(32, 7))).toBe(true);
    expect(describeTelemetry(settings)).toBe(
      'telemetry to OTLP/HTTP http://127.0.0.1:4318 as api-west; accounts as keyed HMAC',
    );
  });

  it('turns on with an Application Insights connection string, never repeating it', () => {
    const connection = 'InstrumentationKey=00000000-0000-0000-0000-000000000000';
    const settings = readTelemetrySettings(
      { APPLICATIONINSIGHTS_CONNECTION_STRING: connection },
      'api',
    );
    expect(telemetryEnabled(settings)).toBe(true);
    expect(describeTelemetry(settings)).toBe(
      'telemetry to Application Insights as api; no account attribute (no TELEMETRY_HASH_KEY)',
    );
  });

  it('lists every bad setting at once, without their values', () => {
    let thrown: unknown;
    try {
      readTelemetrySettings(
        {
          TELEMETRY_EXPORTER: 'jaeger',
          OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://user:hunter2@example.com',
          OTEL_METRIC_EXPORT_INTERVAL: '5',
          TELEMETRY_HASH_KEY: 'c2hvcnQ=',
        },
        'api',
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TelemetryConfigError);
    const { problems, message } = thrown as TelemetryConfigError;
    expect(problems).toEqual([
      'TELEMETRY_EXPORTER must be one of off, console, otlp, memory',
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL without a query',
      'OTEL_METRIC_EXPORT_INTERVAL must be milliseconds, 100–3600000',
      'TELEMETRY_HASH_KEY must be base64 of at least 16 random bytes (e.g. openssl rand -base64 32)',
    ]);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('c2hvcnQ=');
  });
});
