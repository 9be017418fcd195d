import type { AuthError, AuthErrorKind } from './auth-error';
import { formatDuration } from './format-duration';

/** The words of one kind: whole sentences, so that each can be found and translated as a unit. */
interface AuthErrorWording {
  /** Said when the server named no wait; also the `message` of every `RopcAuthError`. */
  readonly message: string;
  /** Said instead when the server sent `Retry-After`; `{wait}` becomes e.g. "5 minutes". */
  readonly afterWait?: string;
}

/**
 * The one table of user-facing sign-in messages. Never repeats the server's text, which may be
 * technical or in the wrong language; the correlation id is shown apart, as a support code.
 */
const AUTH_ERROR_WORDING: Readonly<Record<AuthErrorKind, AuthErrorWording>> = {
  invalid_credentials: { message: 'The email or password is incorrect.' },
  locked_out: {
    message: 'Your account is temporarily locked to prevent unauthorized use. Try again later.',
    afterWait:
      'Your account is temporarily locked to prevent unauthorized use. Try again in {wait}.',
  },
  throttled: {
    message: 'Too many sign-in attempts. Wait a moment, then try again.',
    afterWait: 'Too many sign-in attempts. Try again in {wait}.',
  },
  account_protected: {
    message:
      'For your protection, sign-in to this account from a new device is paused; try again later or use a device you signed in from before.',
    afterWait:
      'For your protection, sign-in to this account from a new device is paused; try again in {wait} or use a device you signed in from before.',
  },
  network: { message: "We can't reach the sign-in service. Check your connection and try again." },
  server_error: { message: 'The sign-in service is having a problem. Try again in a few minutes.' },
  session_expired: { message: 'Your session has ended. Sign in again to continue.' },
  invalid_code: {
    message: 'That code is wrong or no longer valid. Check the newest email, or send a new code.',
  },
  flow_expired: { message: 'This took too long and has expired. Please start again.' },
  user_not_found: { message: "We couldn't find an account with that email address." },
  user_exists: { message: 'An account with this email address already exists. Sign in instead.' },
  password_too_weak: {
    message:
      'This password is too easy to guess. Use at least three of: lowercase letters, uppercase letters, digits and symbols.',
  },
  password_too_short: { message: 'This password is too short. Use at least 8 characters.' },
  password_too_long: { message: 'This password is too long. Use at most 256 characters.' },
  password_recently_used: {
    message: 'You used this password recently. Choose a different one.',
  },
  password_banned: {
    message: 'This password is too common or contains your name. Choose a different one.',
  },
  password_is_invalid: {
    message: "This password contains characters that aren't allowed. Choose a different one.",
  },
  invalid_details: { message: 'Some of the details you entered are not valid. Check them.' },
  password_reset_required: {
    message: 'You need to reset your password before you can sign in.',
  },
  not_supported: {
    message: "This account can't sign in this way here. Contact support if you think it should.",
  },
  unknown: {
    message: 'Sign-in did not work. Try again, or contact support if it keeps happening.',
  },
};

/** The message of each kind when no wait is known: the `message` of every `RopcAuthError`. */
export const AUTH_ERROR_MESSAGES: Readonly<Record<AuthErrorKind, string>> = Object.fromEntries(
  Object.entries(AUTH_ERROR_WORDING).map(([kind, wording]) => [kind, wording.message]),
) as Record<AuthErrorKind, string>;

/**
 * The sentence to show for a failed sign-in, refresh or sign-out: its kind's message, naming the
 * wait (rounded up) when the server said how long to wait.
 */
export function describeAuthError(error: Pick<AuthError, 'kind' | 'retryAfterSeconds'>): string {
  const wording = AUTH_ERROR_WORDING[error.kind];
  const seconds = error.retryAfterSeconds;
  if (wording.afterWait === undefined || seconds === undefined) return wording.message;
  if (!Number.isFinite(seconds) || seconds <= 0) return wording.message;
  return wording.afterWait.replace('{wait}', formatDuration(seconds));
}
