import { NetworkError, NonConformingResponseError, ResponseBodyError } from '@ropc/protocol';
import { RopcAuthError, isAuthError, type AuthErrorKind } from './auth-error';

/** The user-facing message of each kind. */
export const AUTH_ERROR_MESSAGES: Readonly<Record<AuthErrorKind, string>> = {
  invalid_credentials: 'The email address or password is incorrect.',
  locked_out: 'Your account is temporarily locked after too many attempts. Try again later.',
  throttled: 'There have been too many attempts. Wait a moment and try again.',
  account_protected:
    'For your protection, sign-in to this account from a new device is paused. Try again later, or use a device you signed in from before.',
  network: 'The sign-in service could not be reached. Check your connection and try again.',
  server_error: 'The sign-in service is not working right now. Try again in a few minutes.',
  session_expired: 'Your session has ended. Please sign in again.',
  unknown: 'Sign-in did not work. Try again, or contact support if it keeps happening.',
};

/** Creates the error of a kind with its standard message. */
export function authError(
  kind: AuthErrorKind,
  details?: { correlationId?: string | undefined; retryAfterSeconds?: number | undefined },
): RopcAuthError {
  return new RopcAuthError(kind, AUTH_ERROR_MESSAGES[kind], details);
}

function kindOfResponseBodyError(error: ResponseBodyError): AuthErrorKind {
  if (error.status >= 500) return 'server_error';
  // The sign-in proxy's refusal while the account is under attack (docs/architecture.md, "The
  // sign-in proxy").
  if (error.proxyReason === 'account_protected') return 'account_protected';
  // The proxy's CSRF refusal (403 access_denied, no AADB2C code) is a deployment fault, not a
  // wrong password, although B2C's rule reads a bare access_denied as refused credentials.
  if (error.status === 403 && error.b2cCode === undefined) return 'unknown';
  switch (error.errorClass) {
    case 'invalid_credentials':
    case 'locked_out':
    case 'throttled':
    case 'server_error':
      return error.errorClass;
    case 'grant_expired_or_revoked':
    case 'interaction_required':
      return 'session_expired';
    case 'invalid_client':
    case 'invalid_scope':
    case 'invalid_request':
      return 'unknown';
  }
}

/**
 * Maps anything a token call throws to an {@link RopcAuthError}, by `@ropc/protocol`'s error class.
 * Keeps the correlation id; `retryAfterSeconds` only when the server sent `Retry-After`.
 */
export function toAuthError(error: unknown): RopcAuthError {
  if (isAuthError(error)) return error;
  if (error instanceof ResponseBodyError) {
    return authError(kindOfResponseBodyError(error), {
      correlationId: error.correlationId,
      retryAfterSeconds: error.retryAfterSeconds,
    });
  }
  if (error instanceof NetworkError) return authError('network');
  if (error instanceof NonConformingResponseError) return authError('server_error');
  return authError('unknown');
}
