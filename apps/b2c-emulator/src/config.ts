import { isStorageConnectionString } from '@ropc/table-storage';
import { join, resolve } from 'node:path';

/** The emulator's settings (docs/architecture.md, "Emulator configuration"). */
export interface EmulatorConfig {
  readonly port: number;
  /** Undefined: no HTTPS listener. */
  readonly httpsPort: number | undefined;
  /** Pins the issuer and every endpoint URL; undefined: taken from each request's host. */
  readonly publicUrl: string | undefined;
  /** Undefined: the bundled default tenant. */
  readonly tenantFile: string | undefined;
  /** Signing keys and the HTTPS certificate live here. */
  readonly dataDir: string;
  /**
   * `strict`: no CORS on the token endpoint, as B2C; `permissive`: CORS everywhere (direct mode).
   */
  readonly cors: 'strict' | 'permissive';
  /** Undefined: the admin API is off. */
  readonly adminKey: string | undefined;
  readonly trustedHops: number;
  /**
   * Undefined: state in process memory (one instance). Otherwise the Azure Storage account that
   * every instance shares (`UseDevelopmentStorage=true` for Azurite). A secret: never log it.
   */
  readonly storageConnectionString: string | undefined;
  /** Upper bound of every storage call, so that an unreachable store answers 503, not a hang. */
  readonly storageTimeoutMs: number;
  /**
   * How long a rotated-in signing key is published before it signs (default 600): validators
   * that refresh their key sets in that time never meet a token with a kid they do not know.
   */
  readonly keyRolloverSeconds: number;
  /**
   * Whether a one-time code sent to the outbox is also printed on the log (default off: a code
   * is a secret like a password; `npm start` turns it on for developers signing in by hand).
   */
  readonly logCodes: boolean;
}

/** Environment variable names, each with its bin flag. */
export const CONFIG_VARIABLES = {
  port: ['B2C_EMULATOR_PORT', '--port'],
  httpsPort: ['B2C_EMULATOR_HTTPS_PORT', '--https-port'],
  publicUrl: ['B2C_EMULATOR_PUBLIC_URL', '--public-url'],
  tenantFile: ['B2C_EMULATOR_TENANT_FILE', '--tenant'],
  dataDir: ['B2C_EMULATOR_DATA_DIR', '--data-dir'],
  cors: ['B2C_EMULATOR_CORS', '--cors'],
  adminKey: ['B2C_EMULATOR_ADMIN_KEY', '--admin-key'],
  trustedHops: ['B2C_EMULATOR_TRUSTED_HOPS', '--trusted-hops'],
  storageConnectionString: ['STORAGE_CONNECTION_STRING', '--storage'],
  storageTimeoutMs: ['STORAGE_TIMEOUT_MS', '--storage-timeout-ms'],
  keyRolloverSeconds: ['B2C_EMULATOR_KEY_ROLLOVER_SECONDS', '--key-rollover-seconds'],
  logCodes: ['B2C_EMULATOR_LOG_CODES', '--log-codes'],
} as const satisfies Record<keyof EmulatorConfig, readonly [string, string]>;

/** Every missing or bad setting, reported at once. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid b2c-emulator configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function readPort(env: Env, name: string, problems: string[]): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`${name} must be a port number (0–65535)`);
  return port;
}

function readPublicUrl(env: Env, problems: string[]): string | undefined {
  const raw = env['B2C_EMULATOR_PUBLIC_URL'];
  if (raw === undefined || raw === '') return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('scheme');
    if (url.search || url.hash) throw new TypeError('query');
    return url.href.replace(/\/+$/, '');
  } catch {
    problems.push(
      'B2C_EMULATOR_PUBLIC_URL must be an absolute http(s) URL without query or fragment',
    );
    return undefined;
  }
}

/** The storage timeout's bounds: long enough for a cold Azure call, short enough to fail fast. */
const STORAGE_TIMEOUT_RANGE_MS = { min: 100, max: 60_000, default: 5000 } as const;

function readStorageTimeout(env: Env, problems: string[]): number {
  const raw = env['STORAGE_TIMEOUT_MS'] || String(STORAGE_TIMEOUT_RANGE_MS.default);
  const timeoutMs = Number(raw);
  const { min, max } = STORAGE_TIMEOUT_RANGE_MS;
  if (!/^\d+$/.test(raw) || timeoutMs < min || timeoutMs > max)
    problems.push(`STORAGE_TIMEOUT_MS must be an integer number of milliseconds (${min}–${max})`);
  return timeoutMs;
}

/** The connection string if it parses; the problem never quotes it, as it holds the account key. */
function readStorageConnectionString(env: Env, problems: string[]): string | undefined {
  const connectionString = env['STORAGE_CONNECTION_STRING'] || undefined;
  if (connectionString === undefined) return undefined;
  if (!isStorageConnectionString(connectionString)) {
    problems.push(
      'STORAGE_CONNECTION_STRING must be UseDevelopmentStorage=true or an Azure Storage connection string (account key or SAS)',
    );
  }
  return connectionString;
}

/** The longest rollover: a day. */
export const MAX_KEY_ROLLOVER_SECONDS = 86_400;

function readKeyRollover(env: Env, problems: string[]): number {
  const raw = env['B2C_EMULATOR_KEY_ROLLOVER_SECONDS'] || '600';
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds > MAX_KEY_ROLLOVER_SECONDS)
    problems.push(
      `B2C_EMULATOR_KEY_ROLLOVER_SECONDS must be a whole number of seconds (0–${MAX_KEY_ROLLOVER_SECONDS})`,
    );
  return seconds;
}

function readLogCodes(env: Env, problems: string[]): boolean {
  const raw = env['B2C_EMULATOR_LOG_CODES'] || 'off';
  if (raw !== 'on' && raw !== 'off') problems.push('B2C_EMULATOR_LOG_CODES must be "on" or "off"');
  return raw === 'on';
}

/**
 * Reads and validates the emulator's environment; returns a frozen config or throws ConfigError.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): EmulatorConfig {
  const problems: string[] = [];
  const cors = env['B2C_EMULATOR_CORS'] || 'strict';
  if (cors !== 'strict' && cors !== 'permissive')
    problems.push('B2C_EMULATOR_CORS must be "strict" or "permissive"');
  const hopsRaw = env['B2C_EMULATOR_TRUSTED_HOPS'] || '0';
  const trustedHops = Number(hopsRaw);
  if (!/^\d+$/.test(hopsRaw) || trustedHops > 10)
    problems.push('B2C_EMULATOR_TRUSTED_HOPS must be an integer 0–10');
  const adminKey = env['B2C_EMULATOR_ADMIN_KEY'] || undefined;
  if (adminKey !== undefined && adminKey.length < 8)
    problems.push('B2C_EMULATOR_ADMIN_KEY must be at least 8 characters');
  const config: EmulatorConfig = {
    port: readPort(env, 'B2C_EMULATOR_PORT', problems) ?? 7072,
    httpsPort: readPort(env, 'B2C_EMULATOR_HTTPS_PORT', problems),
    publicUrl: readPublicUrl(env, problems),
    tenantFile: env['B2C_EMULATOR_TENANT_FILE']
      ? resolve(cwd, env['B2C_EMULATOR_TENANT_FILE'])
      : undefined,
    dataDir: resolve(cwd, env['B2C_EMULATOR_DATA_DIR'] || join('.b2c-emulator')),
    cors: cors as EmulatorConfig['cors'],
    adminKey,
    trustedHops,
    storageConnectionString: readStorageConnectionString(env, problems),
    storageTimeoutMs: readStorageTimeout(env, problems),
    keyRolloverSeconds: readKeyRollover(env, problems),
    logCodes: readLogCodes(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/**
 * Turns bin flags (`--port 7072`, `--cors=permissive`) into environment variables; a flag wins
 * over the environment. Unknown flags are reported.
 */
export function flagsToEnv(argv: readonly string[]): {
  env: Record<string, string>;
  unknown: string[];
} {
  const byFlag = new Map<string, string>(
    Object.values(CONFIG_VARIABLES).map(([name, flag]) => [flag, name]),
  );
  const env: Record<string, string> = {};
  const unknown: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const [flag = '', inline] = argument.split(/=(.*)/s, 2);
    const name = byFlag.get(flag);
    const value = inline ?? argv[index + 1];
    if (name === undefined || value === undefined) {
      unknown.push(argument);
      continue;
    }
    env[name] = value;
    if (inline === undefined) index++;
  }
  return { env, unknown };
}
