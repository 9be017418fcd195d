import { bearerChallenge, bearerErrorResponse } from './bearer-error-response';
import {
  TOKEN_VALIDATION_ERRORS,
  TokenValidationError,
  type TokenValidationErrorCode,
} from './token-validation-error';

describe('TOKEN_VALIDATION_ERRORS', () => {
  it('maps each code to its status and OAuth error', () => {
    const table = Object.fromEntries(
      Object.entries(TOKEN_VALIDATION_ERRORS).map(([code, spec]) => [
        code,
        `${spec.status} ${spec.error ?? '-'}`,
      ]),
    );
    expect(table).toEqual({
      ERR_TOKEN_MISSING: '401 -',
      ERR_REQUEST_INVALID: '401 invalid_request',
      ERR_TOKEN_MALFORMED: '401 invalid_token',
      ERR_SIGNATURE_INVALID: '401 invalid_token',
      ERR_ALGORITHM_NOT_ALLOWED: '401 invalid_token',
      ERR_KEY_NOT_FOUND: '401 invalid_token',
      ERR_ISSUER_INVALID: '401 invalid_token',
      ERR_AUDIENCE_INVALID: '401 invalid_token',
      ERR_TOKEN_EXPIRED: '401 invalid_token',
      ERR_TOKEN_NOT_YET_VALID: '401 invalid_token',
      ERR_POLICY_NOT_ALLOWED: '401 invalid_token',
      ERR_INSUFFICIENT_SCOPE: '403 insufficient_scope',
      ERR_INSUFFICIENT_ROLE: '403 insufficient_scope',
      ERR_METADATA_UNAVAILABLE: '503 temporarily_unavailable',
    });
  });

  it('writes only characters RFC 6750 allows in error_description', () => {
    for (const spec of Object.values(TOKEN_VALIDATION_ERRORS)) {
      expect(spec.description).toMatch(/^[\x20\x21\x23-\x5B\x5D-\x7E]+$/);
    }
  });
});

describe('bearerChallenge', () => {
  const challenge = (code: TokenValidationErrorCode, realm?: string) =>
    bearerChallenge(new TokenValidationError(code, { requiredScopes: ['notes.read'] }), realm);

  it('sends no error attributes without credentials, and none at all without a realm', () => {
    expect(challenge('ERR_TOKEN_MISSING', 'api')).toBe('Bearer realm="api"');
    expect(challenge('ERR_TOKEN_MISSING')).toBe('Bearer');
  });

  it('names the error, its description and, for insufficient_scope, the scopes', () => {
    expect(challenge('ERR_TOKEN_EXPIRED')).toBe(
      'Bearer error="invalid_token", error_description="The access token expired."',
    );
    expect(challenge('ERR_INSUFFICIENT_SCOPE', 'api')).toBe(
      'Bearer realm="api", error="insufficient_scope", error_description="The access token lacks a required scope.", scope="notes.read"',
    );
  });

  it('has no challenge for a 503', () => {
    expect(challenge('ERR_METADATA_UNAVAILABLE', 'api')).toBeUndefined();
  });
});

describe('bearerErrorResponse', () => {
  it('answers a 503 with Retry-After and no challenge', () => {
    const error = new TokenValidationError('ERR_METADATA_UNAVAILABLE', { retryAfterSeconds: 7 });
    expect(bearerErrorResponse(error, 'api')).toEqual({
      status: 503,
      headers: { 'Cache-Control': 'no-store', 'Retry-After': '7' },
      jsonBody: {
        error: 'temporarily_unavailable',
        error_description: 'The signing keys of the token issuer are unavailable; try again later.',
      },
    });
  });
});
