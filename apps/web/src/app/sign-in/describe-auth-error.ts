import type { AuthError } from '@ropc/angular-auth';
import { formatDuration } from '../time/format-duration';

/**
 * The one message shown for each kind of sign-in failure: the web client's single mapping from
 * error code to words. Never repeats the server's text, which may be technical or in the wrong
 * language; the correlation id is shown separately as a support code.
 */
export function describeAuthError(error: AuthError): string {
  switch (error.kind) {
    case 'invalid_credentials':
      return 'The email or password is incorrect.';
    case 'locked_out':
      return `Your account is temporarily locked to prevent unauthorized use. ${retryHint(error, 'Try again later.')}`;
    case 'throttled':
      return `Too many sign-in attempts. ${retryHint(error, 'Wait a moment, then try again.')}`;
    case 'account_protected':
      return `For your protection, sign-in to this account from a new device is paused; try again ${waitPhrase(error)} or use a device you signed in from before.`;
    case 'network':
      return "We can't reach the sign-in service. Check your connection and try again.";
    case 'server_error':
      return 'The sign-in service is having a problem. Try again in a few minutes.';
    case 'session_expired':
      return 'Your session has ended. Sign in again to continue.';
    case 'unknown':
      return 'Something went wrong while signing you in. Try again.';
  }
}

/** "in N minutes" when the server said how long; otherwise "later". */
function waitPhrase(error: AuthError): string {
  const seconds = error.retryAfterSeconds;
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return 'later';
  return `in ${formatDuration(seconds)}`;
}

/** "Try again in N minutes." only when the server said how long; otherwise `fallback`. */
function retryHint(error: AuthError, fallback: string): string {
  const seconds = error.retryAfterSeconds;
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return fallback;
  return `Try again in ${formatDuration(seconds)}.`;
}
