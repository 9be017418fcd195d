import { NetworkError } from '../oauth/errors';
import { FORM_CONTENT_TYPE } from '../oauth/form-codec';

/**
 * The one HTTP step of the native-auth client: POST a form, get the answer. Failing to get one is
 * the only throw, as the kind-neutral token transport does (oauth/token-endpoint-request.ts).
 */

/** How requests are sent. */
export interface NativeAuthTransportOptions {
  /** Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Per request; default 10 s. */
  readonly timeoutMs?: number;
  /** Extra request headers (a proxy's own header, say). A non-safelisted one makes CORS preflight. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Fetch credentials mode, e.g. `same-origin` behind a proxy that keeps a session cookie. */
  readonly credentials?: RequestCredentials;
}

/** Per-call options. */
export interface NativeAuthCallOptions {
  readonly signal?: AbortSignal;
  /** Sent as `client-request-id`, as MSAL sends its correlation id; the server may echo it. */
  readonly correlationId?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * POSTs a form body and hands the answer, whatever its status, to `read`, which reads its body
 * under the same timeout and abort signal: an answer that stalls or breaks off mid-body fails
 * like one that never came.
 *
 * @throws NetworkError (`ERR_NETWORK`, `ERR_TIMEOUT` or `ERR_ABORTED`) when there is no whole
 *   answer; its message holds no request content.
 */
export async function postNativeAuthForm<T>(
  url: string,
  body: string,
  options: NativeAuthTransportOptions,
  callOptions: NativeAuthCallOptions,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        ...options.headers,
        'Content-Type': FORM_CONTENT_TYPE,
        ...(callOptions.correlationId ? { 'client-request-id': callOptions.correlationId } : {}),
      },
      body,
      signal,
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
    return await read(response);
  } catch {
    if (callOptions.signal?.aborted)
      throw new NetworkError('ERR_ABORTED', 'the request was aborted');
    if (timeout.aborted) throw new NetworkError('ERR_TIMEOUT', 'the server did not answer in time');
    throw new NetworkError('ERR_NETWORK', 'the server could not be reached');
  }
}
