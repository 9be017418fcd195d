import {
  MAX_TOKEN_RESPONSE_BYTES,
  NetworkError,
  isErrorResponseBody,
  parseErrorDescription,
  readBoundedText,
  tokenEndpointRequest,
  type ErrorResponseBody,
  type TokenRequest,
} from '@ropc/protocol';

/** What the authority answered, as the proxy needs it. */
export type UpstreamAnswer =
  | { readonly kind: 'tokens'; readonly body: Record<string, unknown> }
  | {
      readonly kind: 'refused';
      readonly status: number;
      readonly body: ErrorResponseBody;
      readonly b2cCode: string | undefined;
      readonly retryAfter: string | null;
    }
  | { readonly kind: 'unreachable'; readonly retryAfter?: string | null }
  | { readonly kind: 'failed' };

/**
 * Sends a token request to the authority's token endpoint, server side, with a timeout. Maps the
 * answer to docs/architecture.md's table: tokens; a 4xx B2C error passed on as is; unreachable,
 * timed out or 503 (temporarily unavailable); another 5xx or anything non-conforming as failed.
 * Never hangs, never throws for upstream trouble.
 */
export async function forwardTokenRequest(
  tokenEndpoint: string,
  request: TokenRequest,
  timeoutMs: number,
): Promise<UpstreamAnswer> {
  let response: Response;
  try {
    response = await tokenEndpointRequest(
      { tokenEndpoint, clientId: request.client_id, timeoutMs },
      request,
    );
  } catch (error) {
    if (error instanceof NetworkError) return { kind: 'unreachable' };
    throw error;
  }
  // The authority is there but cannot serve now (its storage is down, say): as unreachable.
  if (response.status === 503) {
    await response.body?.cancel();
    return { kind: 'unreachable', retryAfter: response.headers.get('retry-after') };
  }
  let body: unknown;
  try {
    // Bounded: an answer larger than any token response is not one, and is not read whole.
    const read = await readBoundedText(response, MAX_TOKEN_RESPONSE_BYTES);
    if (!read.ok) return { kind: 'failed' };
    body = JSON.parse(read.text);
  } catch (error) {
    // The timeout also covers a body that never finishes.
    const timedOut =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return timedOut ? { kind: 'unreachable' } : { kind: 'failed' };
  }
  if (
    response.status === 200 &&
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body)
  ) {
    return { kind: 'tokens', body: body as Record<string, unknown> };
  }
  if (response.status >= 400 && response.status < 500 && isErrorResponseBody(body)) {
    const { code } = parseErrorDescription(body.error_description);
    return {
      kind: 'refused',
      status: response.status,
      body,
      b2cCode: code,
      retryAfter: response.headers.get('retry-after'),
    };
  }
  return { kind: 'failed' };
}

/** A log-safe summary of an answer: its kind and, for a refusal, the AADB2C code or OAuth error. */
export function describeUpstreamAnswer(answer: UpstreamAnswer): string {
  return answer.kind === 'refused' ? `refused ${answer.b2cCode ?? answer.body.error}` : answer.kind;
}
