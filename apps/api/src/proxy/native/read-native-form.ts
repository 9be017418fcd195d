import type { HttpRequest } from '@azure/functions';
import { readBoundedBody, requestMediaType } from '@ropc/functions-edge';
import { FORM_CONTENT_TYPE } from '@ropc/protocol';
import { decodeNativeAuthBody } from '@ropc/protocol/native-auth';
import { MAX_PROXY_FORM_BYTES } from '../read-proxy-form';
import type { NativeRefusal } from './native-error';

/**
 * Reads a native-auth call's form with the protocol's strict parser, bounded as the B2C proxy's
 * forms: a body over 16 KiB, not a form, not UTF-8 or with a repeated field is refused.
 */
export async function readNativeForm(
  request: HttpRequest,
): Promise<{ fields: Map<string, string> } | { refusal: NativeRefusal }> {
  const body = await readBoundedBody(request, MAX_PROXY_FORM_BYTES);
  if (!body) return { refusal: { kind: 'too_large' } };
  if (requestMediaType(request) !== FORM_CONTENT_TYPE)
    return {
      refusal: {
        kind: 'bad_request',
        message: 'The body must be application/x-www-form-urlencoded.',
      },
    };
  const decoded = decodeNativeAuthBody(body, { maxBytes: MAX_PROXY_FORM_BYTES });
  if (!decoded.ok) {
    const { code, parameter } = decoded.error;
    if (code === 'body_too_large') return { refusal: { kind: 'too_large' } };
    return {
      refusal: {
        kind: 'bad_request',
        message:
          code === 'duplicate_parameter'
            ? `The parameter ${parameter ?? ''} is repeated.`
            : 'The body is not valid form encoding.',
      },
    };
  }
  return { fields: new Map(decoded.fields) };
}
