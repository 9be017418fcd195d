import type { HttpRequest } from '@azure/functions';
import { readBoundedBody, requestMediaType } from '@ropc/functions-edge';
import {
  FORM_CONTENT_TYPE,
  decodeTokenRequest,
  formDecodeErrorAnswer,
  type TokenRequest,
} from '@ropc/protocol';
import { B2CError } from './b2c-error';

/** The token endpoint's own body limit: far above any real ROPC request, far below the host's. */
export const MAX_TOKEN_BODY_BYTES = 16 * 1024;

/**
 * Reads and decodes a token request body: a form body only (anything else reads as a request
 * without parameters), within the size limit, strictly decoded by `@ropc/protocol`.
 *
 * @throws B2CError in B2C's shape for every problem a client can cause.
 */
export async function readTokenRequest(request: HttpRequest): Promise<TokenRequest> {
  // Only a form body is read; anything else reads as a request without parameters (a declared
  // oversized body is still refused).
  const body =
    requestMediaType(request) === FORM_CONTENT_TYPE
      ? await readBoundedBody(request, MAX_TOKEN_BODY_BYTES)
      : declaredWithin(request, MAX_TOKEN_BODY_BYTES);
  const decoded = body
    ? decodeTokenRequest(body, { maxBytes: MAX_TOKEN_BODY_BYTES })
    : ({ ok: false, error: { code: 'body_too_large' } } as const);
  if (decoded.ok) return decoded.request;
  const answer = formDecodeErrorAnswer(decoded.error, MAX_TOKEN_BODY_BYTES);
  throw new B2CError(answer.code, answer.args, {
    status: answer.status,
    ...(answer.message ? { message: answer.message } : {}),
  });
}

/** An empty body, or `undefined` when the declared length is over the limit. */
function declaredWithin(request: HttpRequest, maxBytes: number): Uint8Array | undefined {
  return Number(request.headers.get('content-length') ?? '0') > maxBytes
    ? undefined
    : new Uint8Array();
}
