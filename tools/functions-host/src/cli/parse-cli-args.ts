import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { FunctionsHostOptions } from '../functions-host-options';

/** Shown by `--help` and after a usage error. */
export const USAGE = `Usage: node dist/tools/functions-host/main.js <appDir> [options]

Serves an Azure Functions app (Node.js, @azure/functions 4.x) without Core Tools.

Options:
  --port <n>              HTTP port (default: local.settings.json Host.LocalHttpPort, else 7071; 0 = any free port)
  --hostname <host>       interface to listen on (default 127.0.0.1)
  --max-body-bytes <n>    larger request bodies get 413 (default 1048576)
  --https-port <n>        also serve HTTPS on this port (needs --https-key and --https-cert)
  --https-key <file>      PEM private key
  --https-cert <file>     PEM certificate
  --quiet                 only warnings and errors
  --help                  show this text`;

/** A command line that is not understood; the CLI prints it with {@link USAGE} and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What the command line asks for. */
export type CliCommand =
  { readonly kind: 'help' } | { readonly kind: 'serve'; readonly options: FunctionsHostOptions };

/** Parses the CLI arguments (without `node` and the script). */
export function parseCliArgs(args: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        hostname: { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'https-port': { type: 'string' },
        'https-key': { type: 'string' },
        'https-cert': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [appDir, ...extra] = positionals;
  if (appDir === undefined || extra.length > 0)
    throw new UsageError('Expected exactly one <appDir>.');
  const options: FunctionsHostOptions = {
    appDir,
    ...optional('port', integer(values.port, '--port')),
    ...optional('hostname', values.hostname),
    ...optional('maxRequestBodyBytes', integer(values['max-body-bytes'], '--max-body-bytes')),
    ...optional('https', httpsOptions(values)),
    ...optional('quiet', values.quiet),
  };
  return { kind: 'serve', options };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function integer(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new UsageError(`${flag} expects a non-negative integer, got "${text}".`);
  return Number(text);
}

function httpsOptions(
  values: Record<string, string | boolean | undefined>,
): FunctionsHostOptions['https'] {
  const [port, key, cert] = [values['https-port'], values['https-key'], values['https-cert']];
  if (port === undefined && key === undefined && cert === undefined) return undefined;
  if (typeof port !== 'string' || typeof key !== 'string' || typeof cert !== 'string') {
    throw new UsageError('--https-port, --https-key and --https-cert go together.');
  }
  return {
    port: integer(port, '--https-port') ?? 0,
    key: readFileSync(key),
    cert: readFileSync(cert),
  };
}
