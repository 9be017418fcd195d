import { checkTransport } from '../authority/check-transport';
import { envValue, type CliContext } from '../cli/cli-context';
import { usageError } from '../cli/cli-error';
import type { ResolvedSettings } from '../config/resolve-settings';
import { readSecretFromStdin } from '../secrets/read-stdin';

/** Where the users calls go: the emulator's Graph-shaped routes, or Microsoft Graph. */
export interface GraphTarget {
  readonly mode: 'emulator' | 'graph';
  /** Scheme and host; the calls add `/v1.0/users…`. */
  readonly baseUrl: string;
  /** The admin key (emulator) or a Graph access token: sent only as `Authorization: Bearer`. */
  readonly bearer: string;
  /** `--tenant`: the emulator's `?tenant=` and the identities' issuer. */
  readonly tenant?: string;
}

/** The emulator's port when it runs with its defaults (`npx nx serve b2c-emulator`). */
export const DEFAULT_EMULATOR_URL = 'http://localhost:7072';
export const GRAPH_URL = 'https://graph.microsoft.com';

/** The flags that choose a target. */
export interface GraphTargetFlags {
  readonly graph?: boolean;
  readonly 'graph-url'?: string;
  readonly 'admin-key-stdin'?: boolean;
  readonly 'token-stdin'?: boolean;
  readonly tenant?: string;
}

/**
 * Resolves the target: by default the emulator at `--emulator`/`ROPC_EMULATOR_URL`/the profile
 * (else localhost:7072) with the admin key from `B2C_EMULATOR_ADMIN_KEY` or `--admin-key-stdin`;
 * with `--graph`, Microsoft Graph (or `--graph-url`) with a bearer token from `ROPC_GRAPH_TOKEN`
 * or `--token-stdin`.
 *
 * @throws CliError `usage` when the secret is missing or given for the other mode.
 */
export async function resolveGraphTarget(
  context: CliContext,
  flags: GraphTargetFlags,
  resolved: ResolvedSettings,
): Promise<GraphTarget> {
  const tenant = flags.tenant === undefined ? {} : { tenant: flags.tenant };
  if (flags.graph === true) {
    if (flags['admin-key-stdin'] === true)
      throw usageError('--admin-key-stdin is for the emulator, not --graph');
    const baseUrl = flags['graph-url'] ?? GRAPH_URL;
    checkTransport(baseUrl, 'Graph URL');
    const bearer =
      flags['token-stdin'] === true
        ? await readSecretFromStdin(context.stdin, 'token')
        : envValue(context, 'ROPC_GRAPH_TOKEN');
    if (bearer === undefined) {
      throw usageError(
        '--graph needs an access token: set ROPC_GRAPH_TOKEN or pipe it with --token-stdin',
      );
    }
    return { mode: 'graph', baseUrl: baseUrl.replace(/\/+$/, ''), bearer, ...tenant };
  }
  if (flags['token-stdin'] === true || flags['graph-url'] !== undefined) {
    throw usageError('--token-stdin and --graph-url go with --graph');
  }
  const baseUrl = resolved.settings.emulator ?? DEFAULT_EMULATOR_URL;
  checkTransport(baseUrl, 'emulator URL');
  const bearer =
    flags['admin-key-stdin'] === true
      ? await readSecretFromStdin(context.stdin, 'admin-key')
      : envValue(context, 'B2C_EMULATOR_ADMIN_KEY');
  if (bearer === undefined) {
    throw usageError(
      'the emulator needs its admin key: set B2C_EMULATOR_ADMIN_KEY or pipe it with --admin-key-stdin',
    );
  }
  return { mode: 'emulator', baseUrl: baseUrl.replace(/\/+$/, ''), bearer, ...tenant };
}
