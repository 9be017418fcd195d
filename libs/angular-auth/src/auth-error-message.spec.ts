import type { AuthErrorKind } from './auth-error';
import { AUTH_ERROR_MESSAGES, describeAuthError } from './auth-error-message';

describe('describeAuthError', () => {
  it("says each kind's message when no wait is known", () => {
    for (const kind of Object.keys(AUTH_ERROR_MESSAGES) as AuthErrorKind[]) {
      expect(describeAuthError({ kind })).toBe(AUTH_ERROR_MESSAGES[kind]);
    }
  });

  it('names the wait, rounded up, for the kinds that have one', () => {
    expect(describeAuthError({ kind: 'throttled', retryAfterSeconds: 44.2 })).toBe(
      'Too many sign-in attempts. Try again in 45 seconds.',
    );
    expect(describeAuthError({ kind: 'locked_out', retryAfterSeconds: 290 })).toBe(
      'Your account is temporarily locked to prevent unauthorized use. Try again in 5 minutes.',
    );
  });

  it('ignores a wait that is not a positive number, and a wait for a kind without one', () => {
    expect(describeAuthError({ kind: 'throttled', retryAfterSeconds: 0 })).toBe(
      AUTH_ERROR_MESSAGES.throttled,
    );
    expect(describeAuthError({ kind: 'throttled', retryAfterSeconds: Number.NaN })).toBe(
      AUTH_ERROR_MESSAGES.throttled,
    );
    expect(describeAuthError({ kind: 'network', retryAfterSeconds: 30 })).toBe(
      AUTH_ERROR_MESSAGES.network,
    );
  });
});
