/**
 * The class of every AADB2C code of docs/b2c-ropc-protocol.md §4.3: what a client should do about
 * an error. Kept apart from the messages (`b2c-error-codes.ts`) so that a browser bundle that only
 * classifies errors does not carry every message text.
 */

/** What a client should do about an error: the stable classes of this protocol. */
export type B2CErrorClass =
  | 'invalid_credentials'
  | 'locked_out'
  | 'throttled'
  | 'interaction_required'
  | 'grant_expired_or_revoked'
  | 'invalid_client'
  | 'invalid_scope'
  | 'invalid_request'
  | 'server_error';

/** Every AADB2C code this protocol knows, with its class. */
export const B2C_ERROR_CLASSES = {
  AADB2C90225: 'invalid_credentials',
  AADB2C90052: 'invalid_credentials',
  AADB2C90054: 'invalid_credentials',
  AADB2C90053: 'invalid_credentials',
  AADB2C90114: 'locked_out',
  AADB2C90111: 'locked_out',
  AADB2C90080: 'grant_expired_or_revoked',
  AADB2C90129: 'grant_expired_or_revoked',
  AADB2C90128: 'grant_expired_or_revoked',
  AADB2C90088: 'grant_expired_or_revoked',
  AADB2C90087: 'grant_expired_or_revoked',
  AADB2C90279: 'grant_expired_or_revoked',
  AADB2C90090: 'grant_expired_or_revoked',
  AADB2C90085: 'interaction_required',
  AADB2C90086: 'invalid_request',
  AADB2C90083: 'invalid_request',
  AADB2C90008: 'invalid_request',
  AADB2C90010: 'invalid_request',
  AADB2C90018: 'invalid_client',
  AADB2C90285: 'invalid_client',
  AADB2C90068: 'invalid_client',
  AADB2C90092: 'invalid_client',
  AADB2C90224: 'invalid_client',
  AADB2C90248: 'invalid_client',
  AADB2C90057: 'invalid_client',
  AADB2C90058: 'invalid_client',
  AADB2C90084: 'invalid_request',
  AADB2C90079: 'invalid_request',
  AADB2C90081: 'invalid_client',
  AADB2C90012: 'invalid_scope',
  AADB2C90117: 'invalid_scope',
  AADB2C90055: 'invalid_scope',
  AADB2C90056: 'invalid_scope',
  AADB2C90146: 'invalid_scope',
  AADB2C99005: 'invalid_scope',
  AADB2C90110: 'invalid_request',
  AADB2C90123: 'invalid_request',
  AADB2C90107: 'invalid_request',
  AADB2C90013: 'invalid_request',
  AADB2C90226: 'invalid_request',
  AADB2C90066: 'invalid_request',
  AADB2C90244: 'throttled',
  AADB2C90229: 'throttled',
  AADB2C90035: 'server_error',
  AADB2C90251: 'invalid_request',
  AADB2C99015: 'server_error',
} as const satisfies Record<string, B2CErrorClass>;

/** An AADB2C code this protocol knows. */
export type B2CErrorCode = keyof typeof B2C_ERROR_CLASSES;

/** True when `code` is one of {@link B2C_ERROR_CLASSES}. */
export function isKnownB2CErrorCode(code: string): code is B2CErrorCode {
  return Object.hasOwn(B2C_ERROR_CLASSES, code);
}
