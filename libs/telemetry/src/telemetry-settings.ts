/** Where spans and metrics go besides Application Insights. */
export type TelemetryExporterKind = 'off' | 'console' | 'otlp' | 'memory';

const EXPORTERS: readonly TelemetryExporterKind[] = ['off', 'console', 'otlp', 'memory'];

/** OTLP/HTTP's default endpoint (the OpenTelemetry Collector on this machine). */
export const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';
/** The OpenTelemetry default: metrics are exported once a minute. */
export const DEFAULT_METRIC_EXPORT_INTERVAL_MS = 60_000;
/** Shorter keys make the HMAC guessable for nobody, but say the key was not generated. */
const MIN_HASH_KEY_BYTES = 16;

/** An app's telemetry settings, validated. */
export interface TelemetrySettings {
  /** `service.name` of every span and metric: `api` or `b2c-emulator` (`OTEL_SERVICE_NAME`). */
  readonly serviceName: string;
  /** `TELEMETRY_EXPORTER` (default `off`). */
  readonly exporter: TelemetryExporterKind;
  /** `APPLICATIONINSIGHTS_CONNECTION_STRING`: export to Application Insights too. Never logged. */
  readonly azureMonitorConnectionString: string | undefined;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT` (default http://localhost:4318), for `otlp`. */
  readonly otlpEndpoint: string;
  /** `OTEL_METRIC_EXPORT_INTERVAL` in ms (default 60000). */
  readonly metricExportIntervalMs: number;
  /** `TELEMETRY_HASH_KEY` (base64, at least 16 bytes): keys the account pseudonym. Never logged. */
  readonly hashKey: Uint8Array | undefined;
}

/** Every bad telemetry setting, reported at once; never a setting's value. */
export class TelemetryConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid telemetry configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'TelemetryConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function readExporter(raw: string | undefined, problems: string[]): TelemetryExporterKind {
  const value = (raw ?? '').trim().toLowerCase() || 'off';
  if ((EXPORTERS as readonly string[]).includes(value)) return value as TelemetryExporterKind;
  problems.push(`TELEMETRY_EXPORTER must be one of ${EXPORTERS.join(', ')}`);
  return 'off';
}

function readOtlpEndpoint(raw: string | undefined, problems: string[]): string {
  const value = (raw ?? '').trim().replace(/\/+$/, '') || DEFAULT_OTLP_ENDPOINT;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // The endpoint may carry credentials in its user-info; the message never repeats it.
  if (!url || !/^https?:$/.test(url.protocol) || url.search !== '')
    problems.push('OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL without a query');
  return value;
}

function readInterval(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_METRIC_EXPORT_INTERVAL_MS;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= 100 && value <= 3_600_000) return value;
  problems.push('OTEL_METRIC_EXPORT_INTERVAL must be milliseconds, 100–3600000');
  return DEFAULT_METRIC_EXPORT_INTERVAL_MS;
}

function readHashKey(raw: string | undefined, problems: string[]): Uint8Array | undefined {
  const value = (raw ?? '').trim();
  if (value === '') return undefined;
  const key = Buffer.from(value, 'base64');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value) || key.length < MIN_HASH_KEY_BYTES) {
    problems.push(
      `TELEMETRY_HASH_KEY must be base64 of at least ${MIN_HASH_KEY_BYTES} random bytes (e.g. openssl rand -base64 32)`,
    );
    return undefined;
  }
  return new Uint8Array(key);
}

/**
 * An app's telemetry settings from its environment. Off unless `TELEMETRY_EXPORTER` or
 * `APPLICATIONINSIGHTS_CONNECTION_STRING` says otherwise.
 *
 * @throws TelemetryConfigError listing every bad setting.
 */
export function readTelemetrySettings(env: Env, defaultServiceName: string): TelemetrySettings {
  const problems: string[] = [];
  const settings: TelemetrySettings = {
    serviceName: (env['OTEL_SERVICE_NAME'] ?? '').trim() || defaultServiceName,
    exporter: readExporter(env['TELEMETRY_EXPORTER'], problems),
    azureMonitorConnectionString:
      (env['APPLICATIONINSIGHTS_CONNECTION_STRING'] ?? '').trim() || undefined,
    otlpEndpoint: readOtlpEndpoint(env['OTEL_EXPORTER_OTLP_ENDPOINT'], problems),
    metricExportIntervalMs: readInterval(env['OTEL_METRIC_EXPORT_INTERVAL'], problems),
    hashKey: readHashKey(env['TELEMETRY_HASH_KEY'], problems),
  };
  if (problems.length > 0) throw new TelemetryConfigError(problems);
  return settings;
}

/** Whether any telemetry leaves (or, for `memory`, is kept by) the process. */
export function telemetryEnabled(settings: TelemetrySettings): boolean {
  return settings.exporter !== 'off' || settings.azureMonitorConnectionString !== undefined;
}

/** A log line saying where telemetry goes: an endpoint's origin, never a key or a secret. */
export function describeTelemetry(settings: TelemetrySettings): string {
  const targets: string[] = [];
  if (settings.azureMonitorConnectionString !== undefined) targets.push('Application Insights');
  if (settings.exporter === 'otlp')
    targets.push(`OTLP/HTTP ${new URL(settings.otlpEndpoint).origin}`);
  else if (settings.exporter !== 'off') targets.push(settings.exporter);
  if (targets.length === 0)
    return 'telemetry off (set TELEMETRY_EXPORTER or APPLICATIONINSIGHTS_CONNECTION_STRING)';
  const accounts = settings.hashKey
    ? 'accounts as keyed HMAC'
    : 'no account attribute (no TELEMETRY_HASH_KEY)';
  return `telemetry to ${targets.join(' and ')} as ${settings.serviceName}; ${accounts}`;
}
