import {
  TELEMETRY_ATTRIBUTES as ATTR,
  annotateRequestSpan,
  currentTelemetry,
  inInternalSpan,
  type AuthorityKind,
} from '@ropc/telemetry';
import {
  isTokenValidationError,
  type TokenValidationObserver,
  type TokenValidator,
  type ValidatedToken,
} from '@ropc/token-validation';

/**
 * Feeds one authority's validator into the instruments: verified-token cache hits and misses
 * (also on the validation's span) and signing-key set fetches.
 */
export function tokenValidationObserver(kind: AuthorityKind): TokenValidationObserver {
  return {
    cacheLookup: (hit) => {
      currentTelemetry().instruments.tokenValidation.cacheLookup(kind, hit);
      annotateRequestSpan({ [ATTR.cacheResult]: hit ? 'hit' : 'miss' });
    },
    keySetFetched: (succeeded) => {
      currentTelemetry().instruments.tokenValidation.jwksFetched(kind, succeeded);
    },
  };
}

/**
 * The API's validator with a span per validation, `token validation`, a child of the request's:
 * its result (`valid` or the error code), the authority kind of a valid token, the cache's hit
 * or miss. Never the token or its claims.
 */
export function tracedTokenValidator(
  validator: TokenValidator,
  kindOf: (token: ValidatedToken) => AuthorityKind,
): TokenValidator {
  return {
    validate: (token, requirements) =>
      inInternalSpan('token validation', {}, async (notes) => {
        try {
          const validated = await validator.validate(token, requirements);
          notes.set({ [ATTR.validationResult]: 'valid', [ATTR.authorityKind]: kindOf(validated) });
          return validated;
        } catch (error) {
          notes.set({
            [ATTR.validationResult]: isTokenValidationError(error) ? error.code : 'error',
          });
          throw error;
        }
      }),
  };
}
