import type { AuthError, AuthErrorKind } from '../auth-error';
import { AUTH_ERROR_MESSAGES } from '../auth-error-message';
import { endsTheFlow } from './ends-the-flow';

const ALL_KINDS = Object.keys(AUTH_ERROR_MESSAGES) as AuthErrorKind[];

describe('endsTheFlow', () => {
  it('is true for an expired flow and for an account that went away, and for nothing else', () => {
    expect(ALL_KINDS.filter((kind) => endsTheFlow({ kind }))).toEqual([
      'flow_expired',
      'user_not_found',
    ]);
  });

  it('leaves the step usable after a wrong code, a refused password or a passing failure', () => {
    for (const kind of ['invalid_code', 'password_too_short', 'throttled', 'network'] as const)
      expect(endsTheFlow({ kind })).toBe(false);
  });

  it('looks at the kind only: a correlation id changes nothing', () => {
    const expired: AuthError = {
      kind: 'flow_expired',
      message: 'x',
      correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    };
    expect(endsTheFlow(expired)).toBe(true);
  });
});
