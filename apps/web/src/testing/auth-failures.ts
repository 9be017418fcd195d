import type { AuthError, AuthErrorKind } from '@ropc/angular-auth';

/** A failure handed to a page, and the sentence the page must say for it. */
export type FailureAndSentence = readonly [error: AuthError, sentence: string];

/**
 * The library's sentence (`describeAuthError`) for each failure the sign-in, sign-up and reset
 * specs hand their page, written out once. Spelled out rather than computed, so that a changed
 * wording fails a test. A page's own wordings (its "anything else", sign-up's `not_supported`)
 * stay in its spec. An it.each row is `['a network failure', ...AUTH_FAILURES.network]`.
 */
export const AUTH_FAILURES = {
  invalidCredentials: [
    { kind: 'invalid_credentials', message: 'x' },
    'The email or password is incorrect.',
  ],
  lockedOutFor290Seconds: [
    { kind: 'locked_out', message: 'x', retryAfterSeconds: 290 },
    'Your account is temporarily locked to prevent unauthorized use. Try again in 5 minutes.',
  ],
  lockedOut: [
    { kind: 'locked_out', message: 'x' },
    'Your account is temporarily locked to prevent unauthorized use. Try again later.',
  ],
  throttledFor45Seconds: [
    { kind: 'throttled', message: 'x', retryAfterSeconds: 45 },
    'Too many sign-in attempts. Try again in 45 seconds.',
  ],
  throttled: [
    { kind: 'throttled', message: 'x' },
    'Too many sign-in attempts. Wait a moment, then try again.',
  ],
  accountProtectedFor86100Seconds: [
    { kind: 'account_protected', message: 'x', retryAfterSeconds: 86_100 },
    'For your protection, sign-in to this account from a new device is paused; try again in 24 hours or use a device you signed in from before.',
  ],
  accountProtectedFor1500Seconds: [
    { kind: 'account_protected', message: 'x', retryAfterSeconds: 1500 },
    'For your protection, sign-in to this account from a new device is paused; try again in 25 minutes or use a device you signed in from before.',
  ],
  network: [
    { kind: 'network', message: 'x' },
    "We can't reach the sign-in service. Check your connection and try again.",
  ],
  serverError: [
    { kind: 'server_error', message: 'x' },
    'The sign-in service is having a problem. Try again in a few minutes.',
  ],
  sessionExpired: [
    { kind: 'session_expired', message: 'x' },
    'Your session has ended. Sign in again to continue.',
  ],
  userNotFound: [
    { kind: 'user_not_found', message: 'x' },
    "We couldn't find an account with that email address.",
  ],
  invalidDetails: [
    { kind: 'invalid_details', message: 'x' },
    'Some of the details you entered are not valid. Check them.',
  ],
  notSupported: [
    { kind: 'not_supported', message: 'x' },
    "This account can't sign in this way here. Contact support if you think it should.",
  ],
} as const satisfies Record<string, FailureAndSentence>;

/** The six refusals of a new password (sign-up, reset), each with its sentence at the field. */
export const PASSWORD_REFUSALS: readonly (readonly [AuthErrorKind, string])[] = [
  [
    'password_too_weak',
    'This password is too easy to guess. Use at least three of: lowercase letters, uppercase letters, digits and symbols.',
  ],
  ['password_too_short', 'This password is too short. Use at least 8 characters.'],
  ['password_too_long', 'This password is too long. Use at most 256 characters.'],
  ['password_recently_used', 'You used this password recently. Choose a different one.'],
  ['password_banned', 'This password is too common or contains your name. Choose a different one.'],
  [
    'password_is_invalid',
    "This password contains characters that aren't allowed. Choose a different one.",
  ],
];
