import { TokenValidationError } from './token-validation-error';

/** Default bound on the `Authorization` header, in characters. */
export const MAX_AUTHORIZATION_HEADER_LENGTH = 8_192;

/** RFC 6750 §2.1 `b64token`. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1; the scheme is
 * case-insensitive). Throws {@link TokenValidationError}:
 * - `ERR_TOKEN_MISSING` without the header, or with another scheme (no Bearer credentials sent);
 * - `ERR_REQUEST_INVALID` for an oversized header, or not exactly one token (an empty one,
 *   several, or several headers joined by a comma);
 * - `ERR_TOKEN_MALFORMED` for a token with characters outside `b64token`.
 */
export function extractBearerToken(
  authorization: string | null | undefined,
  maxLength: number = MAX_AUTHORIZATION_HEADER_LENGTH,
): string {
  if (authorization === null || authorization === undefined || authorization.trim() === '') {
    throw new TokenValidationError('ERR_TOKEN_MISSING');
  }
  // Checked before any parsing, so a huge header costs nothing more than its length.
  if (authorization.length > maxLength) {
    throw new TokenValidationError('ERR_REQUEST_INVALID', { detail: 'header too large' });
  }
  const value = authorization.trim();
  const [scheme = '', ...rest] = value.split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer') {
    if (value.includes(',')) {
      throw new TokenValidationError('ERR_REQUEST_INVALID', { detail: 'several credentials' });
    }
    throw new TokenValidationError('ERR_TOKEN_MISSING', { detail: 'another scheme' });
  }
  if (rest.length !== 1 || value.includes(',')) {
    throw new TokenValidationError('ERR_REQUEST_INVALID', {
      detail: rest.length === 0 ? 'no token' : 'several tokens',
    });
  }
  const token = rest[0] as string;
  if (!B64TOKEN.test(token)) {
    throw new TokenValidationError('ERR_TOKEN_MALFORMED', { detail: 'not a b64token' });
  }
  return token;
}
