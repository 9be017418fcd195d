import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';

/**
 * Checks a token's signature and times against a JWKS with jose. A bad signature, an expired or
 * not-yet-valid token, or no key for its `kid` is exit 5; a JWKS that cannot be fetched, exit 4.
 * Only the algorithms B2C and External ID sign with are accepted.
 */
export async function verifySignature(token: string, jwksUri: string): Promise<void> {
  const keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 10_000 });
  try {
    await jwtVerify(token, keys, { algorithms: ['RS256'] });
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed)
      throw new CliError(
        'signature_invalid',
        'the token signature is invalid',
        EXIT_CODES.invalidToken,
      );
    if (error instanceof errors.JWTExpired)
      throw new CliError('token_expired', 'the token has expired', EXIT_CODES.invalidToken);
    if (error instanceof errors.JWTClaimValidationFailed)
      throw new CliError(
        'claim_invalid',
        `the token is not valid: ${error.message}`,
        EXIT_CODES.invalidToken,
      );
    if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JOSEAlgNotAllowed)
      throw new CliError(
        'no_matching_key',
        `no key in ${jwksUri} verifies this token (kid or alg unknown)`,
        EXIT_CODES.invalidToken,
      );
    if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
      throw new CliError(
        'malformed_token',
        'the token is not a well-formed JWS',
        EXIT_CODES.invalidToken,
      );
    throw new CliError(
      'unreachable',
      `cannot fetch the JWKS at ${jwksUri}`,
      EXIT_CODES.unreachable,
    );
  }
}
