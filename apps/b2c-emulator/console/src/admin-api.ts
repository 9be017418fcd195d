import type { AdminKeyStore } from './admin-key';

/** A refused admin request: the status and the emulator's own error code and message. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

/** The error body every admin and Graph-shaped route answers: `{ error: { code, message } }`. */
function readError(status: number, body: unknown): AdminApiError {
  const error =
    typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  const field = (name: 'code' | 'message'): string | undefined => {
    if (typeof error !== 'object' || error === null || !(name in error)) return undefined;
    const value: unknown = (error as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  };
  return new AdminApiError(
    status,
    field('code') ?? 'Error',
    field('message') ?? `The emulator answered ${status}.`,
  );
}

/**
 * The emulator's admin API from the console's own origin, the admin key as a Bearer header. A
 * 401 means the key is wrong (or the emulator restarted with another one): the key is forgotten
 * at once and `onKeyRefused` asks for it again.
 */
export class AdminApi {
  constructor(
    private readonly key: AdminKeyStore,
    private readonly onKeyRefused: () => void,
  ) {}

  /** Sends the request; the JSON body of a 2xx answer (undefined for 204), else throws. */
  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const key = this.key.get();
    if (key === undefined) {
      this.onKeyRefused();
      throw new AdminApiError(401, 'NoAdminKey', 'Enter the admin key first.');
    }
    const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      cache: 'no-store',
      credentials: 'omit',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const parsed = parseJson(await response.text());
    if (response.status === 401) {
      this.key.forget();
      this.onKeyRefused();
    }
    if (!response.ok) throw readError(response.status, parsed);
    return parsed;
  }

  get(path: string): Promise<unknown> {
    return this.call('GET', path);
  }
}

/** A JSON body, or undefined for none (204) or one that is not JSON (a proxy's error page). */
function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `path` with `?tenant=` (and any other query values), encoded. */
export function withQuery(path: string, query: Readonly<Record<string, string>>): string {
  return `${path}?${new URLSearchParams(query).toString()}`;
}
