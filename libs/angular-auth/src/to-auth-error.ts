import { NetworkError, NonConformingResponseError, ResponseBodyError } from '@ropc/protocol';
import { RopcAuthError, isAuthError, type AuthError, type AuthErrorKind } from './auth-error';
import { AUTH_ERROR_MESSAGES } from './auth-error-message';

/** Creates the error of a kind with its standard message. */
export function authError(
  kind: AuthErrorKind,
  details?: { correlationId?: string | undefined; retryAfterSeconds?: number | undefined },
): RopcAuthError {
  return new RopcAuthError(kind, AUTH_ERROR_MESSAGES[kind], details);
}

const KINDS: ReadonlySet<string> = new Set(Object.keys(AUTH_ERROR_MESSAGES));

/**
 * An `AuthError` that is not a `RopcAuthError`: one that lost its class (a structured clone, a
 * test double standing in for `AuthService`). It keeps its kind.
 */
function hasAuthErrorKind(value: unknown): value is AuthError {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  return typeof value.kind === 'string' && KINDS.has(value.kind);
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
 * Maps anything a token call throws to an {@link RopcAuthError}, by `@ropc/protocol`'s error class;
 * an `AuthError` keeps its kind. Keeps the correlation id; `retryAfterSeconds` only when the server
 * sent `Retry-After`. Anything else (a bug, not a sign-in outcome) becomes kind `unknown`, so a
 * page always has one message to show.
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
  if (hasAuthErrorKind(error)) {
    return authError(error.kind, {
      correlationId: error.correlationId,
      retryAfterSeconds: error.retryAfterSeconds,
    });
  }
  return authError('unknown');
}
