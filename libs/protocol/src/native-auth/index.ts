/**
 * @ropc/protocol/native-auth: Microsoft Entra External ID's native authentication API (V1), typed
 * once — request bodies as MSAL writes them, answers checked and typed, errors classified, URLs
 * from an authority, and a small client over fetch (docs/entra-native-auth-protocol.md).
 * Platform-neutral like the rest of the library; built on its kind-neutral OAuth part (`oauth/`),
 * never on the B2C part.
 */

// Endpoints and URLs: the twelve V1 paths, authorities in their three forms, MSAL's URL rule,
// discovery, JWKS and issuer.
export {
  NATIVE_AUTH_ENDPOINTS,
  nativeAuthEndpointOfPath,
  type NativeAuthEndpoint,
} from './endpoints';
export {
  CIAM_HOST_SUFFIX,
  isTenantId,
  parseNativeAuthAuthority,
  type NativeAuthAuthority,
  type NativeAuthTenantForm,
} from './authority';
export { buildNativeAuthUrl } from './endpoint-url';
export {
  buildNativeAuthDiscoveryUrl,
  buildNativeAuthIssuer,
  buildNativeAuthJwksUrl,
  type NativeAuthIssuerOptions,
} from './metadata-urls';

// Request parameters: challenge types, capabilities, user attributes, the form body.
export {
  CHALLENGE_TYPES,
  formatChallengeTypes,
  isChallengeType,
  parseChallengeTypes,
  type ChallengeSettings,
  type ChallengeType,
  type ParseChallengeTypesResult,
} from './challenge-types';
export { CAPABILITIES_PARAMETERS, parseCapabilities } from './capabilities';
export {
  BUILT_IN_USER_ATTRIBUTES,
  customUserAttributeName,
  decodeUserAttributes,
  encodeUserAttributes,
  isUserAttributeName,
  type DecodeUserAttributesOptions,
  type DecodeUserAttributesResult,
  type UserAttributes,
  type UserAttributesErrorCode,
} from './user-attributes';
export {
  decodeNativeAuthBody,
  encodeNativeAuthBody,
  type DecodeNativeAuthBodyOptions,
  type DecodeNativeAuthBodyResult,
  type NativeAuthBodyErrorCode,
} from './form-body';

// Request builders, one per call, keys in MSAL's order.
export {
  signInChallengeRequest,
  signInInitiateRequest,
  signInIntrospectRequest,
  type SignInChallengeParameters,
  type SignInChallengeRequest,
  type SignInInitiateParameters,
  type SignInInitiateRequest,
  type SignInIntrospectRequest,
} from './sign-in-requests';
export {
  DEFAULT_NATIVE_AUTH_SCOPES,
  nativeAuthRefreshTokenRequest,
  refreshScope,
  signInContinuationTokenRequest,
  signInOobTokenRequest,
  signInPasswordTokenRequest,
  signInScope,
  type NativeAuthRefreshTokenRequest,
  type NativeAuthTokenRequest,
  type SignInContinuationTokenRequest,
  type SignInOobTokenRequest,
  type SignInPasswordTokenRequest,
  type TokenGrantOptions,
} from './token-requests';
export {
  signUpChallengeRequest,
  signUpContinueRequest,
  signUpStartRequest,
  type SignUpChallengeRequest,
  type SignUpContinueGrant,
  type SignUpContinueRequest,
  type SignUpStartParameters,
  type SignUpStartRequest,
} from './sign-up-requests';
export {
  resetPasswordChallengeRequest,
  resetPasswordContinueRequest,
  resetPasswordPollCompletionRequest,
  resetPasswordStartRequest,
  resetPasswordSubmitRequest,
  type ResetPasswordChallengeRequest,
  type ResetPasswordContinueRequest,
  type ResetPasswordPollCompletionRequest,
  type ResetPasswordStartRequest,
  type ResetPasswordSubmitRequest,
} from './reset-password-requests';

// Answers: each endpoint's success check, the error envelope, the outcome of a call.
export {
  continuationTokenOf,
  parseContinuationResponse,
  type ContinuationResponse,
} from './continuation-response';
export {
  parseChallengeResponse,
  parseOobChallengeResponse,
  type ChallengeResponse,
  type OobChallengeResponse,
  type PasswordChallengeResponse,
} from './challenge-response';
export {
  parseNativeAuthTokenResponse,
  parseProxiedNativeAuthTokenResponse,
  type NativeAuthTokenResponse,
  type ProxiedNativeAuthTokenResponse,
} from './token-response';
export {
  parseIntrospectResponse,
  type AuthenticationMethod,
  type IntrospectResponse,
} from './introspect-response';
export {
  DEFAULT_POLL_INTERVAL_SECONDS,
  RESET_PASSWORD_POLL_STATUSES,
  parseResetPasswordContinueResponse,
  parseResetPasswordPollCompletionResponse,
  parseResetPasswordSubmitResponse,
  type ResetPasswordContinueResponse,
  type ResetPasswordPollCompletionResponse,
  type ResetPasswordPollStatus,
  type ResetPasswordSubmitResponse,
} from './reset-password-responses';
export { decodeClientInfo, encodeClientInfo, type ClientInfo } from './client-info';
export { NATIVE_AUTH_RESPONSE_PARSERS, type NativeAuthSuccessBodies } from './response-parsers';
export type {
  NativeAuthResponseProblem,
  SuccessParseResult,
  SuccessParser,
} from './response-problem';
export {
  MAX_ERROR_CODES,
  parseNativeAuthError,
  type NativeAuthError,
  type NativeAuthErrorBody,
  type NativeAuthErrorContext,
} from './native-auth-error';
export {
  MAX_LISTED_ATTRIBUTES,
  parseInvalidAttributes,
  parseRequiredAttributes,
  parseUnverifiedAttributes,
  type InvalidAttribute,
  type RequiredAttribute,
  type UnverifiedAttribute,
} from './attribute-lists';
export {
  PASSWORD_POLICY_KINDS,
  classifyNativeAuthError,
  classifyNativeAuthFailure,
  isPasswordPolicyKind,
  type NativeAuthErrorKind,
  type NativeAuthFailureKind,
  type PasswordPolicyKind,
} from './classify-error';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  interpretNativeAuthAnswer,
  processNativeAuthResponse,
  type NativeAuthAnswer,
  type NativeAuthErrorAnswer,
  type NativeAuthFailure,
  type NativeAuthInvalidResponse,
  type NativeAuthOutcome,
  type NativeAuthRedirect,
  type NativeAuthSuccess,
  type ProcessNativeAuthResponseOptions,
} from './native-auth-outcome';

// The server side: the answers an emulator writes, each read back by the checks above.
export {
  createNativeAuthErrorBody,
  formatNativeAuthErrorDescription,
  formatNativeAuthTimestamp,
  type NativeAuthErrorBodyOptions,
  type NativeAuthErrorDescriptionParts,
  type NativeAuthErrorDetails,
  type NativeAuthErrorEnvelope,
  type NativeAuthErrorTracing,
} from './error-body-writer';
export {
  NATIVE_AUTH_ERRORS,
  nativeAuthError,
  type NativeAuthErrorEntry,
  type NativeAuthErrorGuess,
  type NativeAuthErrorName,
  type NativeAuthErrorOptions,
} from './native-auth-errors';
export {
  MAX_RESET_TOKEN_SECONDS,
  createContinuationResponse,
  createIntrospectResponse,
  createOobChallengeResponse,
  createPasswordChallengeResponse,
  createRedirectResponse,
  createResetPasswordContinueResponse,
  createResetPasswordPollCompletionResponse,
  createResetPasswordSubmitResponse,
  type NativeAuthRedirectBody,
  type OobChallengeOptions,
  type ResetPasswordPollOptions,
} from './flow-response-writers';
export {
  createNativeAuthTokenResponse,
  type NativeAuthTokenResponseOptions,
} from './token-response-writer';
export { maskEmailAddress } from './mask-email-address';

// The client: one method per call, over fetch.
export {
  postNativeAuthForm,
  type NativeAuthCallOptions,
  type NativeAuthTransportOptions,
} from './native-auth-transport';
export {
  createNativeAuthClient,
  type NativeAuthClient,
  type NativeAuthClientOptions,
} from './native-auth-client';
