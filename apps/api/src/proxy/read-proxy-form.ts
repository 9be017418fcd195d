import type { HttpRequest } from '@azure/functions';
import { readBoundedBody, requestMediaType } from '@ropc/functions-edge';
import {
  FORM_CONTENT_TYPE,
  decodeTokenRequest,
  formDecodeErrorAnswer,
  parseFormBody,
  type PasswordGrantRequest,
} from '@ropc/protocol';
import type { ProxyRefusal } from './proxy-error';

/** The proxy's form limit: as the emulator's, far above any real sign-in. */
export const MAX_PROXY_FORM_BYTES = 16 * 1024;

const tooLarge = (): ProxyRefusal => {
  const answer = formDecodeErrorAnswer({ code: 'body_too_large' }, MAX_PROXY_FORM_BYTES);
  return {
    kind: 'b2c',
    code: answer.code,
    status: answer.status,
    ...(answer.message ? { message: answer.message } : {}),
  };
};

/**
 * Reads `POST /api/auth/token`'s form with the protocol's one parser. Only the password grant is
 * served here; `client_id` may be left out (the proxy adds its own).
 */
export async function readSignInForm(
  request: HttpRequest,
  clientId: string,
): Promise<{ form: PasswordGrantRequest } | { refusal: ProxyRefusal }> {
  const body = await readBoundedBody(request, MAX_PROXY_FORM_BYTES);
  if (!body) return { refusal: tooLarge() };
  const isForm = requestMediaType(request) === FORM_CONTENT_TYPE;
  const decoded = decodeTokenRequest(isForm ? body : new Uint8Array(), {
    maxBytes: MAX_PROXY_FORM_BYTES,
    defaults: { client_id: clientId },
  });
  if (!decoded.ok) {
    const answer = formDecodeErrorAnswer(decoded.error, MAX_PROXY_FORM_BYTES);
    return {
      refusal: {
        kind: 'b2c',
        code: answer.code,
        status: answer.status,
        args: answer.args,
        ...(answer.message ? { message: answer.message } : {}),
      },
    };
  }
  if (decoded.request.grant_type !== 'password') {
    return { refusal: { kind: 'b2c', code: 'AADB2C90086', status: 400, args: ['refresh_token'] } };
  }
  return { form: decoded.request };
}

/** Reads the optional `scope` of `POST /api/auth/refresh` (an empty body is fine). */
export async function readRefreshScope(
  request: HttpRequest,
): Promise<{ scope: string | undefined } | { refusal: ProxyRefusal }> {
  const body = await readBoundedBody(request, MAX_PROXY_FORM_BYTES);
  if (!body) return { refusal: tooLarge() };
  const parsed = parseFormBody(body);
  if (!parsed) {
    const answer = formDecodeErrorAnswer({ code: 'invalid_encoding' }, MAX_PROXY_FORM_BYTES);
    return {
      refusal: {
        kind: 'b2c',
        code: answer.code,
        status: answer.status,
        ...(answer.message ? { message: answer.message } : {}),
      },
    };
  }
  return { scope: parsed.fields.get('scope') };
}
