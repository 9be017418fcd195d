/**
 * @ropc/token-validation: validates Azure AD B2C and Entra External ID access tokens against the
 * authorities' JWKS with jose, one validator per authority joined by issuer, and guards
 * @azure/functions v4 HTTP handlers with RFC 6750 Bearer answers. Node only.
 */
export { createTokenValidator, type TokenValidator } from './create-token-validator';
export { createIssuerDispatcher, type IssuerDispatcher } from './create-issuer-dispatcher';
export type { TokenRequirements, ValidatedToken } from './validated-token';
export {
  TOKEN_VALIDATOR_DEFAULTS,
  type AuthorityTokenValidatorOptions,
  type IssuerTokenValidatorOptions,
  type KeyCacheOptions,
  type TenantAuthorityTokenValidatorOptions,
  type TokenValidatorBaseOptions,
  type TokenValidatorOptions,
  type VerifiedTokenCacheOptions,
} from './token-validator-options';
export type { TokenValidationObserver } from './token-validation-observer';
export {
  SIGNATURE_ALGORITHMS,
  isSignatureAlgorithm,
  type SignatureAlgorithm,
} from './signature-algorithm';
export {
  TOKEN_VALIDATION_ERRORS,
  TokenValidationError,
  isTokenValidationError,
  type BearerErrorCode,
  type TokenValidationErrorCode,
  type TokenValidationErrorOptions,
  type TokenValidationErrorSpec,
  type TokenValidationStatus,
} from './token-validation-error';
export { extractBearerToken, MAX_AUTHORIZATION_HEADER_LENGTH } from './extract-bearer-token';
export { bearerChallenge, bearerErrorResponse } from './bearer-error-response';
export {
  requireAuth,
  type AuthenticatedHttpHandler,
  type RequireAuthOptions,
} from './require-auth';
