import type { HttpRequest } from '@azure/functions';
import { DEFAULT_MAX_RESPONSE_BYTES, encodeNativeAuthBody } from '@ropc/protocol/native-auth';
import type { AuthorityAnswer, AuthorityClient } from '../authority-client';

/**
 * Request headers that go upstream: MSAL's correlation and telemetry headers, nothing else — no
 * cookies, no authorization, no forwarding or host-internal headers. The body's content type is
 * the proxy's own.
 */
export const UPSTREAM_REQUEST_HEADERS: readonly string[] = [
  'accept',
  'accept-language',
  'client-request-id',
  'return-client-request-id',
  'x-client-sku',
  'x-client-ver',
  'x-client-os',
  'x-client-cpu',
  'x-client-current-telemetry',
  'x-client-last-telemetry',
  'x-app-name',
  'x-app-ver',
  'x-ms-lib-capability',
];

/** Answer headers that come back: the request id and the correlation headers (plus Retry-After). */
export const DOWNSTREAM_RESPONSE_HEADERS: readonly string[] = [
  'x-ms-request-id',
  'client-request-id',
  'x-ms-clitelem',
  'retry-after',
];

/** What the authority answered, as the native proxy needs it. */
export type NativeUpstreamAnswer =
  | {
      readonly kind: 'answered';
      readonly status: number;
      /** The JSON object it answered (every V1 answer is one). */
      readonly body: Record<string, unknown>;
      /** The allowed headers of {@link DOWNSTREAM_RESPONSE_HEADERS}, lower-case names. */
      readonly headers: Readonly<Record<string, string>>;
    }
  /** Unreachable, timed out, or 503. */
  | { readonly kind: 'unreachable'; readonly retryAfter: string | null }
  /** Another 5xx, or an answer that is not a JSON object. */
  | { readonly kind: 'failed' };

/** The allowed headers of `request` (only values free of line breaks). */
export function upstreamHeadersOf(request: HttpRequest | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!request) return headers;
  for (const name of UPSTREAM_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null && value.length <= 1024 && !/[\r\n]/.test(value)) headers[name] = value;
  }
  return headers;
}

/**
 * Posts a form to an endpoint of the authority over the proxy's keep-alive connections, within
 * its timeout, and reads its answer bounded; a redirect is answered as it is, never followed.
 * Never throws for upstream trouble.
 */
export async function forwardNativeCall(
  client: AuthorityClient,
  url: string,
  form: Readonly<Record<string, string>>,
  headers: Readonly<Record<string, string>>,
): Promise<NativeUpstreamAnswer> {
  let response: AuthorityAnswer;
  try {
    response = await client.postForm(url, encodeNativeAuthBody(form), headers);
  } catch {
    return { kind: 'unreachable', retryAfter: null };
  }
  if (response.status === 503) {
    response.discard();
    return { kind: 'unreachable', retryAfter: response.header('retry-after') };
  }
  let body: unknown;
  try {
    const read = await response.text(DEFAULT_MAX_RESPONSE_BYTES);
    if (!read.ok) return { kind: 'failed' };
    body = JSON.parse(read.text);
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return timedOut ? { kind: 'unreachable', retryAfter: null } : { kind: 'failed' };
  }
  if (response.status >= 500 || typeof body !== 'object' || body === null || Array.isArray(body))
    return { kind: 'failed' };
  const back: Record<string, string> = {};
  for (const name of DOWNSTREAM_RESPONSE_HEADERS) {
    const value = response.header(name);
    if (value !== null) back[name] = value;
  }
  return {
    kind: 'answered',
    status: response.status,
    body: body as Record<string, unknown>,
    headers: back,
  };
}

/** A log-safe summary: the status and the error (never a token). */
export function describeNativeAnswer(answer: NativeUpstreamAnswer): string {
  if (answer.kind !== 'answered') return answer.kind;
  const error = answer.body['error'];
  return typeof error === 'string' ? `${answer.status} ${error}` : String(answer.status);
}
