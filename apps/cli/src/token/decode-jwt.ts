import {
  decodeJwt,
  decodeProtectedHeader,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import { CliError } from '../cli/cli-error';

/** A JWT taken apart, signature not checked. */
export interface DecodedJwt {
  readonly token: string;
  readonly header: ProtectedHeaderParameters;
  readonly claims: JWTPayload;
}

/**
 * Decodes a compact JWS JWT's header and claims.
 *
 * @throws CliError `malformed_token` (exit 5) when it is not one; the message never quotes it.
 */
export function decodeJwtParts(token: string): DecodedJwt {
  const trimmed = token.trim();
  if (trimmed.split('.').length !== 3) {
    throw new CliError(
      'malformed_token',
      'not a JWT: expected three base64url parts separated by dots (an encrypted or opaque ' +
        'token, such as a refresh token, cannot be decoded)',
    );
  }
  try {
    return { token: trimmed, header: decodeProtectedHeader(trimmed), claims: decodeJwt(trimmed) };
  } catch {
    throw new CliError('malformed_token', 'not a JWT: its header or claims are not base64url JSON');
  }
}
