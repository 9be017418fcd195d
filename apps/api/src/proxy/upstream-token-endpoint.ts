import {
  MAX_TOKEN_RESPONSE_BYTES,
  encodeTokenRequest,
  isErrorResponseBody,
  parseErrorDescription,
  type ErrorResponseBody,
  type TokenRequest,
} from '@ropc/protocol';
import {
  AuthorityUnreachableError,
  type AuthorityClient,
  type AuthorityAnswer,
} from './authority-client';

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
 * Sends a token request to the authority's token endpoint, server side, over the proxy's
 * keep-alive connections and within its timeout. Maps the answer to docs/architecture.md's table:
 * tokens; a 4xx B2C error passed on as is; unreachable, timed out or 503 (temporarily
 * unavailable); another status (a redirect included: it is not followed) or anything
 * non-conforming as failed. Never hangs, never throws for upstream trouble.
 */
export async function forwardTokenRequest(
  client: AuthorityClient,
  tokenEndpoint: string,
  request: TokenRequest,
): Promise<UpstreamAnswer> {
  let response: AuthorityAnswer;
  try {
    response = await client.postForm(tokenEndpoint, encodeTokenRequest(request), {
      Accept: 'application/json',
    });
  } catch (error) {
    if (error instanceof AuthorityUnreachableError) return { kind: 'unreachable' };
    throw error;
  }
  // The authority is there but cannot serve now (its storage is down, say): as unreachable.
  if (response.status === 503) {
    response.discard();
    return { kind: 'unreachable', retryAfter: response.header('retry-after') };
  }
  let body: unknown;
  try {
    // Bounded: an answer larger than any token response is not one, and is not read whole.
    const read = await response.text(MAX_TOKEN_RESPONSE_BYTES);
    if (!read.ok) return { kind: 'failed' };
    body = JSON.parse(read.text);
  } catch (error) {
    // The timeout also covers a body that never finishes.
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
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
      retryAfter: response.header('retry-after'),
    };
  }
  return { kind: 'failed' };
}

/** A log-safe summary of an answer: its kind and, for a refusal, the AADB2C code or OAuth error. */
export function describeUpstreamAnswer(answer: UpstreamAnswer): string {
  return answer.kind === 'refused' ? `refused ${answer.b2cCode ?? answer.body.error}` : answer.kind;
}
