import type { HttpRequest } from '@azure/functions';
import {
  FORM_CONTENT_TYPE,
  decodeTokenRequest,
  formDecodeErrorAnswer,
  type TokenRequest,
} from '@ropc/protocol';
import { EmulatorError } from './emulator-error';

/** The token endpoint's own body limit: far above any real ROPC request, far below the host's. */
export const MAX_TOKEN_BODY_BYTES = 16 * 1024;

/**
 * Reads and decodes a token request body: a form body only (anything else reads as a request
 * without parameters), within the size limit, strictly decoded by `@ropc/protocol`.
 *
 * @throws EmulatorError in B2C's shape for every problem a client can cause.
 */
export async function readTokenRequest(request: HttpRequest): Promise<TokenRequest> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  // A declared oversized body is refused before it is read.
  const decoded =
    declared > MAX_TOKEN_BODY_BYTES
      ? ({ ok: false, error: { code: 'body_too_large' } } as const)
      : decodeTokenRequest(
          mediaType === FORM_CONTENT_TYPE
            ? new Uint8Array(await request.arrayBuffer())
            : new Uint8Array(),
          { maxBytes: MAX_TOKEN_BODY_BYTES },
        );
  if (decoded.ok) return decoded.request;
  const answer = formDecodeErrorAnswer(decoded.error, MAX_TOKEN_BODY_BYTES);
  throw new EmulatorError(answer.code, answer.args, {
    status: answer.status,
    ...(answer.message ? { message: answer.message } : {}),
  });
}
