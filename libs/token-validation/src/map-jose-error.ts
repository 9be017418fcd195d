import { errors } from 'jose';
import { TokenValidationError, type TokenValidationErrorCode } from './token-validation-error';

/**
 * Translates what `jwtVerify` throws into a {@link TokenValidationError} whose private `detail` is
 * jose's message. jose's error itself is not kept as `cause`: its claim errors carry the token's
 * payload, which must not reach a log. Errors already translated (by the key resolver) pass.
 */
export function mapJoseError(error: unknown): TokenValidationError {
  if (error instanceof TokenValidationError) return error;
  return new TokenValidationError(codeOf(error), {
    detail: error instanceof Error ? error.message : 'verification failed',
  });
}

function codeOf(error: unknown): TokenValidationErrorCode {
  if (error instanceof errors.JOSEAlgNotAllowed) return 'ERR_ALGORITHM_NOT_ALLOWED';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'ERR_SIGNATURE_INVALID';
  if (error instanceof errors.JWTExpired) return 'ERR_TOKEN_EXPIRED';
  if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'check_failed') {
    switch (error.claim) {
      case 'nbf':
        return 'ERR_TOKEN_NOT_YET_VALID';
      case 'aud':
        return 'ERR_AUDIENCE_INVALID';
      case 'iss':
        return 'ERR_ISSUER_INVALID';
    }
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'missing') {
    if (error.claim === 'aud') return 'ERR_AUDIENCE_INVALID';
    if (error.claim === 'iss') return 'ERR_ISSUER_INVALID';
  }
  // Everything else jose refuses is about the token's form: bad base64url or JSON, a missing or
  // mistyped exp or nbf, unknown crit headers, a payload that is not a JSON object.
  return 'ERR_TOKEN_MALFORMED';
}
