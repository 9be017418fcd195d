import { NetworkError } from './errors';
import { FORM_CONTENT_TYPE, encodeTokenRequest } from './form-codec';
import type { TokenRequest } from './token-request';

/** How to reach a token endpoint. */
export interface TokenClientOptions {
  /** A B2C policy token URL, or a sign-in proxy's `/api/auth/token`. */
  readonly tokenEndpoint: string;
  readonly clientId: string;
  /** Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Per request; default 10 s. */
  readonly timeoutMs?: number;
  /** Epoch milliseconds; injectable for tests. */
  readonly now?: () => number;
  /** Extra request headers, e.g. the proxy's `X-Requested-With`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Fetch credentials mode, e.g. `same-origin` for a proxy's session cookie. */
  readonly credentials?: RequestCredentials;
}

/** Per-call options. */
export interface TokenCallOptions {
  readonly signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Sends a token request and returns the raw answer. Failing to get an answer throws a
 * {@link NetworkError} (`ERR_NETWORK`, `ERR_TIMEOUT` or `ERR_ABORTED`) whose message holds no
 * request content. Check the result with the authority kind's processing step (B2C:
 * `processTokenResponse`).
 */
export async function tokenEndpointRequest(
  options: TokenClientOptions,
  request: TokenRequest,
  callOptions: TokenCallOptions = {},
): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
  const doFetch = options.fetch ?? fetch;
  try {
    return await doFetch(options.tokenEndpoint, {
      method: 'POST',
      headers: {
        ...options.headers,
        'Content-Type': FORM_CONTENT_TYPE,
        Accept: 'application/json',
      },
      body: encodeTokenRequest(request),
      signal,
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  } catch {
    if (callOptions.signal?.aborted)
      throw new NetworkError('ERR_ABORTED', 'the token request was aborted');
    if (timeout.aborted)
      throw new NetworkError('ERR_TIMEOUT', 'the token endpoint did not answer in time');
    throw new NetworkError('ERR_NETWORK', 'the token endpoint could not be reached');
  }
}
