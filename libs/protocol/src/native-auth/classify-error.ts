import type { NativeAuthError } from './native-auth-error';
import type { NativeAuthFailure } from './native-auth-outcome';

/**
 * What an error means to a client, as one value to switch on (docs/entra-native-auth-protocol.md
 * §7). Keys are those MSAL's custom-auth client keys on — `error`, then `suberror` or an AADSTS
 * number in `error_codes`, never the text of `error_description` — except where noted.
 */
export type NativeAuthErrorKind =
  /** `user_not_found`: no such user (initiate, reset start). */
  | 'user_not_found'
  /** `invalid_grant` + 50126: wrong password (or username). */
  | 'invalid_password'
  /** `invalid_grant` + `invalid_oob_value`: the code is wrong, or no longer valid. */
  | 'invalid_code'
  | PasswordPolicyKind
  /** `user_already_exists` (1003037): sign-up for an existing user. */
  | 'user_already_exists'
  /** `attributes_required` (55106): submit `requiredAttributes` with `continuationToken`. */
  | 'attributes_required'
  /** `invalid_grant` + `attribute_validation_failed`: see `invalidAttributes`. */
  | 'attribute_validation_failed'
  /** `credential_required` (55103): sign-up needs a password; challenge with `continuationToken`. */
  | 'credential_required'
  /** `verification_required`: see `unverifiedAttributes`. */
  | 'verification_required'
  /** `invalid_grant` + `mfa_required` or `registration_required`: strong auth (not covered). */
  | 'strong_auth_required'
  /** `expired_token`: the continuation token expired; start the flow again. */
  | 'expired_token'
  /** HTTP 429. */
  | 'throttled'
  /** AADSTS50053 with any `error`: smart lockout. */
  | 'locked'
  /** `invalid_request` + 90100: the username is empty or not valid. */
  | 'invalid_username'
  /** `unsupported_challenge_type`, or `invalid_request` naming an unsupported challenge type. */
  | 'unsupported_challenge_type'
  /** `invalid_request` + 50142: the user must reset the password first. */
  | 'password_reset_required'
  /** Anything else: a generic failure (`invalid_client`, `invalid_scope`, 55200, 500222, …). */
  | 'other';

/** The password-policy suberrors of `invalid_grant`, each its own kind. */
export const PASSWORD_POLICY_KINDS = [
  'password_too_weak',
  'password_too_short',
  'password_too_long',
  'password_recently_used',
  'password_banned',
  'password_is_invalid',
] as const;

/** Why a new password was refused. */
export type PasswordPolicyKind = (typeof PASSWORD_POLICY_KINDS)[number];

/** True for a password-policy kind: show the policy, ask for another password. */
export function isPasswordPolicyKind(kind: string): kind is PasswordPolicyKind {
  return (PASSWORD_POLICY_KINDS as readonly string[]).includes(kind);
}

/** What a client does with any failed call: an error's kind, or the outcome's own. */
export type NativeAuthFailureKind = NativeAuthErrorKind | 'redirect' | 'invalid_response';

// MSAL looks for this text; the API has no dedicated AADSTS number for it in any published answer.
const UNSUPPORTED_CHALLENGE_TEXT =
  'The challenge_type list parameter contains an unsupported challenge type';

const ERROR_KINDS: Readonly<Record<string, NativeAuthErrorKind>> = {
  user_not_found: 'user_not_found',
  user_already_exists: 'user_already_exists',
  attributes_required: 'attributes_required',
  credential_required: 'credential_required',
  verification_required: 'verification_required',
  expired_token: 'expired_token',
  unsupported_challenge_type: 'unsupported_challenge_type',
};

const INVALID_GRANT_SUBERRORS: Readonly<Record<string, NativeAuthErrorKind>> = {
  invalid_oob_value: 'invalid_code',
  attribute_validation_failed: 'attribute_validation_failed',
  mfa_required: 'strong_auth_required',
  registration_required: 'strong_auth_required',
  ...Object.fromEntries(PASSWORD_POLICY_KINDS.map((kind) => [kind, kind])),
};

// Own keys only: a wire value such as `constructor` must not find Object.prototype's.
const lookUp = (
  table: Readonly<Record<string, NativeAuthErrorKind>>,
  key: string | undefined,
): NativeAuthErrorKind | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;

function classifyInvalidGrant(error: NativeAuthError): NativeAuthErrorKind {
  const bySuberror = lookUp(INVALID_GRANT_SUBERRORS, error.suberror);
  if (bySuberror !== undefined) return bySuberror;
  return error.errorCodes.includes(50126) ? 'invalid_password' : 'other';
}

function classifyInvalidRequest(error: NativeAuthError): NativeAuthErrorKind {
  if (error.errorCodes.includes(50142)) return 'password_reset_required';
  // MSAL also wants the text "username parameter is empty or not valid"; the number suffices.
  if (error.errorCodes.includes(90100)) return 'invalid_username';
  if (error.description.includes(UNSUPPORTED_CHALLENGE_TEXT)) return 'unsupported_challenge_type';
  return 'other';
}

/**
 * Classifies an error answer. Throttling (HTTP 429) and smart lockout (AADSTS50053) come first
 * whatever the `error` says: the lockout's exact body is not published, so its number alone
 * decides.
 */
export function classifyNativeAuthError(error: NativeAuthError): NativeAuthErrorKind {
  if (error.status === 429) return 'throttled';
  if (error.errorCodes.includes(50053)) return 'locked';
  const byError = lookUp(ERROR_KINDS, error.error);
  if (byError !== undefined) return byError;
  if (error.error === 'invalid_grant') return classifyInvalidGrant(error);
  if (error.error === 'invalid_request') return classifyInvalidRequest(error);
  return 'other';
}

/**
 * Classifies any failed outcome: a redirect is `redirect`; an error answer is classified by
 * {@link classifyNativeAuthError}; an unusable answer with HTTP 429 (a gateway's throttling page,
 * say) is still `throttled`, and otherwise `invalid_response`.
 */
export function classifyNativeAuthFailure(failure: NativeAuthFailure): NativeAuthFailureKind {
  switch (failure.kind) {
    case 'redirect':
      return 'redirect';
    case 'error':
      return classifyNativeAuthError(failure.error);
    case 'invalid_response':
      return failure.status === 429 ? 'throttled' : 'invalid_response';
  }
}
