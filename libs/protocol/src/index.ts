/**
 * @ropc/protocol: the Azure AD B2C resource owner password credentials protocol, typed once and
 * shared by the emulator, the sign-in proxy, the API and the web client. Platform-neutral: only
 * standard Web APIs (fetch, URL, TextDecoder, AbortSignal).
 *
 * Two parts: a kind-neutral OAuth 2.0 part (`oauth/`) and the Azure AD B2C part (`b2c/`) built on
 * it. `oauth/` never imports from `b2c/`, so another authority kind can build on it alone.
 */

// Kind-neutral OAuth 2.0 (RFC 6749): token requests and their form codec, token responses and
// token sets, the transport to a token endpoint, the error family's base and the error body.
export {
  REQUIRED_PARAMETERS,
  TOKEN_REQUEST_PARAMETERS,
  type CommonTokenRequestParameters,
  type GrantType,
  type PasswordGrantRequest,
  type RefreshTokenGrantRequest,
  type TokenRequest,
  type TokenRequestParameter,
} from './oauth/token-request';
export {
  OFFLINE_ACCESS_SCOPE,
  OPENID_SCOPE,
  formatScope,
  parseResponseType,
  parseScope,
} from './oauth/scope';
export {
  FORM_CONTENT_TYPE,
  decodeTokenRequest,
  encodeTokenRequest,
  parseFormBody,
  type DecodeTokenRequestOptions,
  type DecodeTokenRequestResult,
  type FormDecodeError,
  type FormDecodeErrorCode,
} from './oauth/form-codec';
export {
  MAX_TOKEN_RESPONSE_BYTES,
  normaliseTokenResponse,
  parseRetryAfter,
  type TokenResponse,
  type TokenResponseBody,
  type WireNumber,
} from './oauth/token-response';
export { toTokenSet, type TokenSet } from './oauth/token-set';
export {
  tokenEndpointRequest,
  type TokenCallOptions,
  type TokenClientOptions,
} from './oauth/token-endpoint-request';
export {
  NetworkError,
  NonConformingResponseError,
  RopcError,
  isRopcError,
  type RopcErrorCode,
} from './oauth/errors';
export {
  isErrorResponseBody,
  type ErrorResponseBody,
  type ProxyRefusalReason,
} from './oauth/error-response-body';
export type { OAuthErrorValue } from './oauth/oauth-error-value';
export { decodeBase64UrlText, encodeBase64UrlText } from './oauth/base64url';
export { readBoundedText, type BoundedTextResult } from './oauth/read-bounded-text';

// Azure AD B2C: the AADB2C error codes and their classes, B2C's error body (read and written) and
// its error class, the ROPC client of a user flow, policy endpoint URLs and issuers, discovery
// and keys, token claims and profile_info.
export {
  B2C_ERROR_CLASSES,
  isKnownB2CErrorCode,
  type B2CErrorClass,
  type B2CErrorCode,
} from './b2c/b2c-error-classes';
export { B2C_ERROR_CODES, formatB2CMessage, type B2CErrorCodeInfo } from './b2c/b2c-error-codes';
export {
  classifyError,
  parseErrorDescription,
  type ParsedErrorDescription,
} from './b2c/error-response';
export {
  createErrorResponseBody,
  formatB2CTimestamp,
  formatErrorDescription,
  type ErrorResponseBodyOptions,
} from './b2c/error-response-writer';
export { ResponseBodyError } from './b2c/response-body-error';
export { processTokenResponse } from './b2c/process-token-response';
export { formDecodeErrorAnswer, type FormDecodeErrorAnswer } from './b2c/form-decode-error-answer';
export {
  passwordGrant,
  passwordGrantRequest,
  refreshTokenGrant,
  refreshTokenGrantRequest,
  type PasswordGrantParameters,
  type RefreshTokenGrantParameters,
} from './b2c/token-client';
export {
  ENDPOINT_SUFFIXES,
  authorityEndpointUrl,
  buildEndpointUrl,
  buildIssuer,
  parseAuthority,
  parseEndpointUrl,
  policyEquals,
  type EndpointKind,
  type EndpointStyle,
  type EndpointUrlOptions,
  type IssuerStyle,
  type ParsedEndpointUrl,
  type PolicyAuthority,
} from './b2c/endpoints';
export {
  isOpenIdConfiguration,
  type B2CJsonWebKey,
  type B2CJsonWebKeySet,
  type OpenIdConfiguration,
} from './b2c/discovery';
export {
  policyOfClaims,
  type B2CAccessTokenClaims,
  type B2CCommonClaims,
  type B2CIdTokenClaims,
} from './b2c/claims';
export { decodeProfileInfo, encodeProfileInfo, type ProfileInfo } from './b2c/profile-info';
