import type { HttpRequest } from '@azure/functions';
import {
  FORM_CONTENT_TYPE,
  decodeTokenRequest,
  type FormDecodeError,
  type TokenRequest,
} from '@ropc/protocol';
import { EmulatorError } from './emulator-error';

/** The token endpoint's own body limit: far above any real ROPC request, far below the host's. */
export const MAX_TOKEN_BODY_BYTES = 16 * 1024;

function decodeError(error: FormDecodeError): EmulatorError {
  switch (error.code) {
    case 'missing_parameter':
      return error.parameter === 'client_id'
        ? new EmulatorError('AADB2C90008')
        : new EmulatorError('AADB2C90083', [error.parameter ?? 'grant_type']);
    case 'unsupported_grant_type':
      return new EmulatorError('AADB2C90086', [(error.grantType ?? '').slice(0, 64)]);
    case 'duplicate_parameter':
      return new EmulatorError('AADB2C90083', [], {
        message: `The request has a duplicate parameter: ${error.parameter ?? ''}.`,
      });
    case 'invalid_encoding':
      return new EmulatorError('AADB2C90083', [], {
        message: 'The request body is not valid UTF-8 application/x-www-form-urlencoded data.',
      });
    case 'body_too_large':
      return tooLarge();
  }
}

function tooLarge(): EmulatorError {
  return new EmulatorError('AADB2C90083', [], {
    status: 413,
    message: `The request body is larger than ${MAX_TOKEN_BODY_BYTES} bytes.`,
  });
}

/**
 * Reads and decodes a token request body: a form body only (anything else reads as a request
 * without parameters), within the size limit, strictly decoded by `@ropc/protocol`.
 *
 * @throws EmulatorError in B2C's shape for every problem a client can cause.
 */
export async function readTokenRequest(request: HttpRequest): Promise<TokenRequest> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_TOKEN_BODY_BYTES) throw tooLarge();
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  const body = new Uint8Array(await request.arrayBuffer());
  const decoded = decodeTokenRequest(mediaType === FORM_CONTENT_TYPE ? body : new Uint8Array(), {
    maxBytes: MAX_TOKEN_BODY_BYTES,
  });
  if (!decoded.ok) throw decodeError(decoded.error);
  return decoded.request;
}
