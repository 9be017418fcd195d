import path from 'node:path';
import type { FunctionsHostHttpsOptions, FunctionsHostOptions } from './functions-host-options';

/** {@link FunctionsHostOptions} with defaults applied. */
export interface ResolvedHostOptions {
  readonly appDir: string;
  /** `undefined`: take local.settings.json's, else 7071. */
  readonly port: number | undefined;
  readonly hostname: string;
  readonly https: FunctionsHostHttpsOptions | undefined;
  readonly maxRequestBodyBytes: number;
  readonly env: Readonly<Record<string, string>>;
  readonly log: (line: string) => void;
  readonly quiet: boolean;
}

const KNOWN_OPTIONS = new Set([
  'appDir',
  'port',
  'hostname',
  'https',
  'maxRequestBodyBytes',
  'env',
  'log',
  'quiet',
]);

/** 1 MiB. */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/**
 * Checks the caller's options; misuse (wrong types, unknown keys, bad numbers) throws a TypeError.
 */
export function resolveHostOptions(options: FunctionsHostOptions): ResolvedHostOptions {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new TypeError('startFunctionsHost: options must be an object.');
  }
  const unknown = Object.keys(options).filter((key) => !KNOWN_OPTIONS.has(key));
  if (unknown.length > 0)
    throw new TypeError(`startFunctionsHost: unknown option(s) ${unknown.join(', ')}.`);
  if (typeof options.appDir !== 'string' || options.appDir.trim() === '') {
    throw new TypeError('startFunctionsHost: appDir must be a non-empty string.');
  }
  const hostname = options.hostname ?? '127.0.0.1';
  check(typeof hostname === 'string' && hostname !== '', 'hostname must be a non-empty string');
  check(options.log === undefined || typeof options.log === 'function', 'log must be a function');
  check(
    options.quiet === undefined || typeof options.quiet === 'boolean',
    'quiet must be a boolean',
  );
  const maxRequestBodyBytes = options.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES;
  check(isCount(maxRequestBodyBytes, 1), 'maxRequestBodyBytes must be a positive integer');
  return {
    appDir: path.resolve(options.appDir),
    port: options.port === undefined ? undefined : checkedPort(options.port, 'port'),
    hostname,
    https: options.https === undefined ? undefined : checkedHttps(options.https),
    maxRequestBodyBytes,
    env: checkedEnv(options.env ?? {}),
    log: options.log ?? ((line: string) => process.stdout.write(`${line}\n`)),
    quiet: options.quiet ?? false,
  };
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new TypeError(`startFunctionsHost: ${message}.`);
}

function isCount(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function checkedPort(port: unknown, name: string): number {
  check(isCount(port, 0) && port <= 65535, `${name} must be an integer from 0 to 65535`);
  return port;
}

function checkedHttps(https: FunctionsHostHttpsOptions): FunctionsHostHttpsOptions {
  check(typeof https === 'object' && (https as unknown) !== null, 'https must be an object');
  const isPem = (value: unknown): boolean => typeof value === 'string' || Buffer.isBuffer(value);
  check(
    isPem(https.key) && isPem(https.cert),
    'https.key and https.cert must be strings or Buffers',
  );
  return { port: checkedPort(https.port, 'https.port'), key: https.key, cert: https.cert };
}

function checkedEnv(env: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  check(typeof env === 'object' && (env as unknown) !== null, 'env must be an object');
  for (const [name, value] of Object.entries(env)) {
    check(typeof value === 'string', `env.${name} must be a string`);
  }
  return { ...env };
}
