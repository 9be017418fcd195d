import { CliError, usageError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';

/** Where the users calls go and with which bearer credential (never printed). */
export interface UsersApi {
  readonly baseUrl: string;
  readonly bearer: string;
  /** The emulator's `?tenant=` selector; Microsoft Graph has one tenant per token instead. */
  readonly tenant?: string;
  readonly graph: boolean;
}

export const GRAPH_BASE_URL = 'https://graph.microsoft.com';

/** A Graph error body's `{"error":{"code","message"}}`, when the answer has one. */
function graphErrorOf(body: unknown): { code: string; message: string } | undefined {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string'
    ? { code: error.code, message: typeof error.message === 'string' ? error.message : '' }
    : undefined;
}

/**
 * One call of the Graph-shaped users API. A 4xx with Graph's error body is a refusal (exit 3);
 * no answer, a 5xx or a body that is not JSON is exit 4.
 */
export async function callUsersApi(
  api: UsersApi,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const url = new URL(`${api.baseUrl.replace(/\/+$/, '')}${path}`);
  if (!api.graph && api.tenant !== undefined) url.searchParams.set('tenant', api.tenant);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${api.bearer}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new CliError('unreachable', `cannot reach ${url.origin}`, EXIT_CODES.unreachable);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    throw new CliError(
      'unexpected_response',
      `${method} ${url.pathname} answered HTTP ${String(response.status)} with a body that is not JSON`,
      EXIT_CODES.unreachable,
    );
  }
  if (response.ok) return parsed;
  const graphError = graphErrorOf(parsed);
  if (response.status >= 400 && response.status < 500 && graphError !== undefined)
    throw new CliError(
      graphError.code,
      `${method} ${url.pathname} was refused (HTTP ${String(response.status)}): ${graphError.message}`,
      EXIT_CODES.refused,
      { status: response.status },
    );
  throw new CliError(
    'unexpected_response',
    `${method} ${url.pathname} answered HTTP ${String(response.status)}`,
    EXIT_CODES.unreachable,
  );
}

/** Refuses an id that would change the request's path. */
export function checkUserId(id: string | undefined, usage: string): string {
  if (id === undefined || !/^[A-Za-z0-9@._-]{1,128}$/.test(id)) throw usageError(`usage: ${usage}`);
  return id;
}
