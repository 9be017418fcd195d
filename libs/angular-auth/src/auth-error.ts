/** What went wrong, as the sign-in page switches on it. Stable: never renamed. */
export type AuthErrorKind =
  | 'invalid_credentials'
  | 'locked_out'
  | 'throttled'
  | 'account_protected'
  | 'network'
  | 'server_error'
  | 'session_expired'
  // External ID's flows (sign-in with a code, sign-up, password reset) add these.
  | 'invalid_code'
  | 'flow_expired'
  | 'user_not_found'
  | 'user_exists'
  | 'password_too_weak'
  | 'password_too_short'
  | 'password_too_long'
  | 'password_recently_used'
  | 'password_banned'
  | 'password_is_invalid'
  | 'invalid_details'
  | 'password_reset_required'
  | 'not_supported'
  | 'unknown';

/**
 * A failed sign-in, refresh or sign-out, mapped from `@ropc/protocol`'s errors. `message` is its
 * kind's user-facing English from the one message table (`auth-error-message.ts`), without codes
 * or secrets; `describeAuthError` gives the same sentence naming the wait when one is known.
 */
export interface AuthError {
  readonly kind: AuthErrorKind;
  readonly message: string;
  /** B2C's or the proxy's correlation id, for support requests. */
  readonly correlationId?: string;
  /** Only when the server sent `Retry-After` (throttled, account protected, locked out). */
  readonly retryAfterSeconds?: number;
}

/**
 * The {@link AuthError} that `AuthService` rejects with: an `Error`, so stacks and `instanceof`
 * work. Its own enumerable fields are exactly `kind` and, when known, `correlationId` and
 * `retryAfterSeconds`.
 */
export class RopcAuthError extends Error implements AuthError {
  declare readonly correlationId?: string;
  declare readonly retryAfterSeconds?: number;

  constructor(
    readonly kind: AuthErrorKind,
    message: string,
    details: { correlationId?: string | undefined; retryAfterSeconds?: number | undefined } = {},
  ) {
    super(message);
    if (details.correlationId !== undefined) this.correlationId = details.correlationId;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
Object.defineProperty(RopcAuthError.prototype, 'name', { value: 'RopcAuthError' });

/** True for the errors `AuthService` rejects with. */
export function isAuthError(value: unknown): value is RopcAuthError {
  return value instanceof RopcAuthError;
}
