import { GraphError, invalidValue } from './graph-error';
import { readText } from './graph-property-readers';

/** The `passwordPolicies` values the tenant file accepts, so that an export imports again. */
const PASSWORD_POLICIES =
  /^(DisablePasswordExpiration|DisableStrongPassword|None)(, ?(DisablePasswordExpiration|DisableStrongPassword))?$/;

/** Entra's password symbols; any other character (Unicode included) fails the strong rule. */
const SYMBOLS = new Set('@#$%^&*-_!+=[]{}|\\:\',.?/`~"();<> ');

const CHARACTER_CLASSES: readonly ((c: string) => boolean)[] = [
  (c) => c >= 'a' && c <= 'z',
  (c) => c >= 'A' && c <= 'Z',
  (c) => c >= '0' && c <= '9',
  (c) => SYMBOLS.has(c),
];

const COMPLEXITY_MESSAGE =
  'The specified password does not comply with password complexity requirements. Please provide ' +
  'a different password. passwordProfile.password needs 8 to 256 characters from at least 3 of: lowercase letters, ' +
  'uppercase letters, digits, symbols; or passwordPolicies with DisableStrongPassword.';

/** The password's property path, the only name a password error ever carries. */
export const PASSWORD_TARGET = 'passwordProfile.password';

/** Graph `passwordPolicies`, e.g. `DisablePasswordExpiration, DisableStrongPassword`. */
export function readPasswordPolicies(value: unknown): string {
  if (typeof value !== 'string' || !PASSWORD_POLICIES.test(value)) {
    throw invalidValue(
      'passwordPolicies',
      'must be DisablePasswordExpiration, DisableStrongPassword, both separated by a comma, or None',
    );
  }
  return value;
}

/** True when the policies switch Entra's strong-password rule off. */
export function allowsWeakPassword(policies: string | undefined): boolean {
  return policies?.split(',').some((policy) => policy.trim() === 'DisableStrongPassword') ?? false;
}

/**
 * A new password under Entra's rule: 8–256 characters of letters, digits and Entra's symbols, from
 * at least three of the four classes. `DisableStrongPassword` relaxes it to 1–256 characters of
 * anything (migrated passwords). Errors name the property, never the password.
 */
export function checkNewPassword(value: unknown, policies: string | undefined): string {
  const password = readText(value, PASSWORD_TARGET, { min: 1, max: 256 });
  if (allowsWeakPassword(policies) || isStrong(password)) return password;
  throw new GraphError(400, 'Request_BadRequest', COMPLEXITY_MESSAGE, {
    code: 'PasswordComplexity',
    target: PASSWORD_TARGET,
  });
}

function isStrong(password: string): boolean {
  // UTF-16 units suffice: every allowed character is ASCII, so any other unit fails the rule.
  const units = password.split('');
  if (units.length < 8) return false;
  const known = (c: string): boolean => CHARACTER_CLASSES.some((isInClass) => isInClass(c));
  if (!units.every(known)) return false;
  const classes = CHARACTER_CLASSES.filter((isInClass) => units.some(isInClass));
  return classes.length >= 3;
}
