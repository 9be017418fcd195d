import type { OAuthErrorValue } from '../oauth/oauth-error-value';
import type { B2CErrorCode } from './b2c-error-classes';

/**
 * The AADB2C error codes a ROPC user flow can produce (docs/b2c-ropc-protocol.md §4.3), with the
 * message, the `error` value and the HTTP status this project writes for each (their classes are in
 * `b2c-error-classes.ts`).
 *
 * Where Microsoft's documentation or captured responses fix the `error` value it is used as is;
 * where it is unconfirmed, the value a careful client must survive is chosen and marked so.
 */

/** The registry entry of one AADB2C code. */
export interface B2CErrorCodeInfo {
  /** Message text; `{0}`, `{1}`, ... are placeholders filled by {@link formatB2CMessage}. */
  readonly message: string;
  readonly error: OAuthErrorValue;
  readonly status: number;
  /** True where the wire `error` value or status is not confirmed by any source. */
  readonly unconfirmed?: boolean;
}

const info = (
  message: string,
  error: OAuthErrorValue,
  extra: { status?: number; unconfirmed?: boolean } = {},
): B2CErrorCodeInfo => ({
  message,
  error,
  status: extra.status ?? 400,
  ...(extra.unconfirmed ? { unconfirmed: true } : {}),
});
const guess = { unconfirmed: true } as const;

/** Every AADB2C code of docs/b2c-ropc-protocol.md §4.3, keyed by code. */
export const B2C_ERROR_CODES = {
  AADB2C90225: info(
    'The username or password provided in the request are invalid.',
    'access_denied',
  ),
  AADB2C90052: info('Invalid username or password.', 'access_denied', guess),
  AADB2C90054: info('Invalid username or password.', 'access_denied', guess),
  AADB2C90053: info(
    'A user with the specified credential could not be found.',
    'access_denied',
    guess,
  ),
  AADB2C90114: info(
    'Your account is temporarily locked to prevent unauthorized use. Try again later.',
    'access_denied',
    guess,
  ),
  AADB2C90111: info(
    'Your account has been locked. Contact your support person to unlock it, then try again.',
    'access_denied',
    guess,
  ),
  AADB2C90080: info(
    'The provided grant has expired. Please re-authenticate and try again. Current time: {0}, Grant issued time: {1}, Grant sliding window expiration time: {2}.',
    'invalid_grant',
  ),
  AADB2C90129: info(
    'The provided grant has been revoked. Please reauthenticate and try again.',
    'invalid_grant',
  ),
  AADB2C90128: info(
    'The account associated with this grant no longer exists. Please reauthenticate and try again.',
    'invalid_grant',
    guess,
  ),
  AADB2C90088: info(
    'The provided grant has not been issued for this endpoint. Actual Value : {0} and Expected Value : {1}',
    'invalid_grant',
  ),
  AADB2C90087: info(
    'The provided grant has not been issued for this version of the protocol endpoint.',
    'invalid_grant',
    guess,
  ),
  AADB2C90279: info(
    "The provided client ID '{0}' does not match the client ID that issued the grant.",
    'invalid_grant',
    guess,
  ),
  AADB2C90090: info('The provided grant is not in a supported format.', 'invalid_grant', guess),
  AADB2C90085: info(
    'The service has encountered an internal error. Please reauthenticate and try again.',
    'invalid_grant',
  ),
  AADB2C90086: info(
    'The supplied grant_type [{0}] is not supported.',
    'unsupported_grant_type',
    guess,
  ),
  AADB2C90083: info('The request is missing required parameter: {0}.', 'invalid_request', guess),
  AADB2C90008: info(
    'The request does not contain a client ID parameter.',
    'invalid_request',
    guess,
  ),
  AADB2C90010: info('The request does not contain a scope parameter.', 'invalid_request', guess),
  AADB2C90018: info(
    "The client ID '{0}' specified in the request is not registered in tenant '{1}'.",
    'invalid_client',
    guess,
  ),
  AADB2C90285: info(
    "The application with identifier '{0}' was not found.",
    'invalid_client',
    guess,
  ),
  AADB2C90068: info(
    "The provided application with ID '{0}' is not valid against this service. Please use an application created via the B2C portal and try again.",
    'unauthorized_client',
    guess,
  ),
  AADB2C90092: info(
    "The provided application with ID '{0}' is disabled for the tenant '{1}'. Please enable the application and try again.",
    'unauthorized_client',
    guess,
  ),
  AADB2C90224: info(
    'Resource owner flow has not been enabled for the application.',
    'unauthorized_client',
    guess,
  ),
  AADB2C90248: info(
    'Resource owner flow can only be used by applications created through the B2C admin portal.',
    'unauthorized_client',
    guess,
  ),
  AADB2C90057: info(
    "The provided application is not configured to allow the 'OAuth' Implicit flow.",
    'unauthorized_client',
    guess,
  ),
  AADB2C90058: info(
    'The provided application is not configured to allow public clients.',
    'unauthorized_client',
    guess,
  ),
  AADB2C90084: info(
    'Public clients should not send a client_secret when redeeming a publicly acquired grant.',
    'invalid_request',
    guess,
  ),
  AADB2C90079: info(
    'Clients must send a client_secret when redeeming a confidential grant.',
    'invalid_request',
  ),
  AADB2C90081: info(
    'The specified client_secret does not match the expected value for this client. Please correct the client_secret and try again.',
    'invalid_client',
  ),
  AADB2C90012: info(
    "The scope '{0}' provided in request is not supported.",
    'invalid_scope',
    guess,
  ),
  AADB2C90117: info(
    "The scope '{0}' provided in the request is not supported.",
    'invalid_scope',
    guess,
  ),
  AADB2C90055: info(
    "The scope '{0}' provided in request must specify a resource, such as 'https://example.com/calendar.read'.",
    'invalid_scope',
    guess,
  ),
  AADB2C90056: info(
    "The scope '{0}' contains a resource not authorized by the application.",
    'invalid_scope',
    guess,
  ),
  AADB2C90146: info(
    'The scope provided in the request specifies more than one resource for an access token, which is not supported. Please specify scopes for a single resource.',
    'invalid_scope',
    guess,
  ),
  AADB2C99005: info(
    "The request contains an invalid scope parameter which includes an illegal character '{0}'.",
    'invalid_scope',
    guess,
  ),
  AADB2C90110: info(
    "The scope parameter must include 'openid' when requesting a response_type that includes 'id_token'.",
    'invalid_request',
    guess,
  ),
  AADB2C90123: info(
    "The scope parameter must include the client ID when requesting a response_type that includes 'token'.",
    'invalid_request',
    guess,
  ),
  AADB2C90107: info(
    "The application with ID '{0}' cannot get an ID token either because the openid scope was not provided in the request or the application is not authorized for it.",
    'invalid_request',
    guess,
  ),
  AADB2C90013: info(
    "The requested response type '{0}' provided in the request is not supported.",
    'unsupported_response_type',
    guess,
  ),
  AADB2C90226: info(
    'The specified token exchange is only supported over HTTP POST.',
    'invalid_request',
    guess,
  ),
  AADB2C90066: info("Invalid policy '{0}' was specified in the request.", 'invalid_request', guess),
  AADB2C90244: info(
    'There are too many requests at this moment. Please wait for some time and try again.',
    'temporarily_unavailable',
    { status: 429, unconfirmed: true },
  ),
  AADB2C90229: info(
    'Azure AD B2C throttled traffic if too many requests are sent from the same source in a short period of time.',
    'temporarily_unavailable',
    { status: 429, unconfirmed: true },
  ),
  AADB2C90035: info(
    'The service is temporarily unavailable. Please retry after a few minutes.',
    'temporarily_unavailable',
    { status: 503, unconfirmed: true },
  ),
  AADB2C90251: info(
    'Resource owner requests using v1 applications require the resource parameter to be specified.',
    'invalid_request',
    guess,
  ),
  AADB2C99015: info(
    "Profile '{0}' in policy '{1}' in tenant '{2}' is missing all InputClaims required for resource owner password credential flow.",
    'server_error',
    guess,
  ),
} as const satisfies Record<B2CErrorCode, B2CErrorCodeInfo>;

/** Fills the `{n}` placeholders of a code's message with `args`, in order. */
export function formatB2CMessage(
  code: B2CErrorCode,
  ...args: readonly (string | number)[]
): string {
  return B2C_ERROR_CODES[code].message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
