import type { PasswordPolicyKind } from '@ropc/protocol/native-auth';
import type { AuthError } from './auth-error';

/**
 * External ID's password-policy refusals, one per rule (`@ropc/protocol`'s `PASSWORD_POLICY_KINDS`).
 * A record keyed by that list's type rather than a copy of it: a kind added or renamed there stops
 * this file compiling. The import is of a type only, so the root entry point still carries none of
 * the native-auth code.
 */
const PASSWORD_REFUSALS: Readonly<Record<PasswordPolicyKind, true>> = {
  password_too_weak: true,
  password_too_short: true,
  password_too_long: true,
  password_recently_used: true,
  password_banned: true,
  password_is_invalid: true,
};

/**
 * True when the server refused a new password (sign-up, password reset): one of the six
 * `password_*` kinds, each naming the rule the password broke. A page says these at the password
 * field and asks for another password, rather than in its alert. `password_reset_required` is not
 * one: it is about the account, not about a password being chosen.
 */
export function isPasswordRefusal(error: Pick<AuthError, 'kind'>): boolean {
  return Object.hasOwn(PASSWORD_REFUSALS, error.kind);
}
