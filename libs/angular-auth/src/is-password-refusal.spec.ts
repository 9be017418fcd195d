import { PASSWORD_POLICY_KINDS } from '@ropc/protocol/native-auth';
import type { AuthError, AuthErrorKind } from './auth-error';
import { AUTH_ERROR_MESSAGES } from './auth-error-message';
import { isPasswordRefusal } from './is-password-refusal';

const ALL_KINDS = Object.keys(AUTH_ERROR_MESSAGES) as AuthErrorKind[];

describe('isPasswordRefusal', () => {
  it('is true for exactly the six password_* kinds, each naming a broken rule', () => {
    expect(ALL_KINDS.filter((kind) => isPasswordRefusal({ kind }))).toEqual([
      'password_too_weak',
      'password_too_short',
      'password_too_long',
      'password_recently_used',
      'password_banned',
      'password_is_invalid',
    ]);
  });

  it("follows @ropc/protocol's list of password-policy kinds", () => {
    expect(ALL_KINDS.filter((kind) => isPasswordRefusal({ kind }))).toEqual([
      ...PASSWORD_POLICY_KINDS,
    ]);
  });

  it('is false for a password reset the account needs, which refuses no new password', () => {
    expect(isPasswordRefusal({ kind: 'password_reset_required' })).toBe(false);
  });

  it('looks at the kind only: a correlation id or a wait changes nothing', () => {
    const banned: AuthError = {
      kind: 'password_banned',
      message: 'x',
      correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    };
    const throttled: AuthError = { kind: 'throttled', message: 'x', retryAfterSeconds: 45 };
    expect([isPasswordRefusal(banned), isPasswordRefusal(throttled)]).toEqual([true, false]);
  });

  it('is false for names on the object prototype, which are no kind', () => {
    expect(isPasswordRefusal({ kind: 'toString' as AuthErrorKind })).toBe(false);
  });
});
