import type { NativeAuthErrorKind, PasswordPolicyKind } from './classify-error';
import {
  createNativeAuthErrorBody,
  type NativeAuthErrorDetails,
  type NativeAuthErrorEnvelope,
  type NativeAuthErrorTracing,
} from './error-body-writer';

/**
 * The errors an emulator of native authentication answers, in one table
 * (docs/entra-native-auth-protocol.md §3–§7): each one's `error`, `suberror`, AADSTS number and
 * message, its HTTP status, the kind this library's classifier gives it, and what the body must
 * carry for MSAL to go on. Messages are the published text where (api) or the AADSTS reference
 * show one; `unconfirmed` names what is this project's inference instead. Where no number is
 * published for an error and nothing suggests one, `codes` is empty rather than invented, and the
 * description starts with the message (error-body-writer.ts). The redirect answer is not an error
 * but a 200 body: `createRedirectResponse` (flow-response-writers.ts).
 */

/** What a table entry may leave unconfirmed. */
export type NativeAuthErrorGuess = 'error' | 'codes' | 'message';

/** One error of the table. */
export interface NativeAuthErrorEntry {
  readonly error: string;
  readonly suberror?: string;
  /** The AADSTS numbers written in `error_codes`; the first also prefixes the description. */
  readonly codes: readonly number[];
  readonly message: string;
  readonly status: number;
  /** What `classifyNativeAuthError` makes of the body: the round-trip tests hold it to this. */
  readonly kind: NativeAuthErrorKind;
  /** Details without which MSAL refuses the answer or cannot go on (§4.3). */
  readonly requires?: readonly (keyof NativeAuthErrorDetails)[];
  readonly unconfirmed?: readonly NativeAuthErrorGuess[];
}

/** A password-policy refusal (§7.1): `invalid_grant` with the suberror that is also its kind. */
const policy = <K extends PasswordPolicyKind>(
  suberror: K,
  message: string,
  codes: readonly number[] = [],
) => ({ error: 'invalid_grant', suberror, codes, message, status: 400, kind: suberror }) as const;

/** Every error the emulator answers, by name. */
export const NATIVE_AUTH_ERRORS = {
  // §3.1: 50034 is `userNotFound` of the iOS SDK (msal-objc's MSALNativeAuthESTSApiErrorCodes);
  // no published V1 body shows it.
  user_not_found: {
    error: 'user_not_found',
    codes: [50034],
    message: 'The user account does not exist in the directory.',
    status: 400,
    kind: 'user_not_found',
    unconfirmed: ['codes', 'message'],
  },
  // §7.1: MSAL wants both 90100 and this text (AuthFlowErrorBase.ts, isUserInvalidError).
  invalid_username: {
    error: 'invalid_request',
    codes: [90100],
    message: 'username parameter is empty or not valid.',
    status: 400,
    kind: 'invalid_username',
  },
  // §2.4, §7.3: (api) shows this text with 901007 under `invalid_request`, and names
  // `unsupported_challenge_type` as the error for a list without `redirect`.
  redirect_missing: {
    error: 'unsupported_challenge_type',
    codes: [901007],
    message: "The challenge_type list parameter does not include the 'redirect' type.",
    status: 400,
    kind: 'unsupported_challenge_type',
    unconfirmed: ['codes'],
  },
  // §2.4, §7.1: a value the server does not know; the text is the one MSAL looks for.
  unknown_challenge_type: {
    error: 'invalid_request',
    codes: [901007],
    message: 'The challenge_type list parameter contains an unsupported challenge type.',
    status: 400,
    kind: 'unsupported_challenge_type',
    unconfirmed: ['codes'],
  },
  // §3.1, §7.2.
  native_auth_disabled: {
    error: 'invalid_client',
    suberror: 'nativeauthapi_disabled',
    codes: [],
    message: 'The application is not enabled for native authentication.',
    status: 400,
    kind: 'other',
    unconfirmed: ['message'],
  },
  // §7.2: AADSTS700016 of the AADSTS reference; the service's text also names app and tenant.
  unknown_client: {
    error: 'unauthorized_client',
    codes: [700016],
    message: "The application wasn't found in the directory/tenant.",
    status: 400,
    kind: 'other',
    unconfirmed: ['message'],
  },
  // §7.2: the AADSTS reference's sample answer.
  invalid_scope: {
    error: 'invalid_scope',
    codes: [70011],
    message: "The provided value for the input parameter 'scope' isn't valid.",
    status: 400,
    kind: 'other',
  },
  // §7.2: AADSTS70003 of the AADSTS reference.
  unsupported_grant_type: {
    error: 'unsupported_grant_type',
    codes: [70003],
    message: 'The app requested an unsupported grant type.',
    status: 400,
    kind: 'other',
    unconfirmed: ['message'],
  },
  // §5.2, §7.2.
  invalid_continuation_token: {
    error: 'invalid_request',
    codes: [55200],
    message: 'The continuation_token is invalid.',
    status: 400,
    kind: 'other',
  },
  // §4.3, §5.4, §7.3: (api) writes 901007 in the text and 552003 in the codes; the codes win.
  expired_token: {
    error: 'expired_token',
    codes: [552003],
    message: 'The continuation_token is expired.',
    status: 400,
    kind: 'expired_token',
  },
  // §3.4, §7.3: the same typo; 50126 and its text are the AADSTS reference's too.
  invalid_password: {
    error: 'invalid_grant',
    codes: [50126],
    message: 'Error validating credentials due to invalid username or password.',
    status: 400,
    kind: 'invalid_password',
  },
  // §3.4, §10: 50181 and its text appear in an earlier revision of (api) and in the (samples)'
  // browser tests, and 50181 is `invalidOTP` in earlier msal-objc releases; the current (api)
  // shows no number.
  invalid_code: {
    error: 'invalid_grant',
    suberror: 'invalid_oob_value',
    codes: [50181],
    message: 'Unable to validate the otp.',
    status: 400,
    kind: 'invalid_code',
    unconfirmed: ['codes'],
  },
  // §7.2: the number and its text are the AADSTS reference's (IdsLocked); the `error` it travels
  // with in native authentication is not published.
  locked: {
    error: 'invalid_grant',
    codes: [50053],
    message:
      'The account is locked because the user tried to sign in too many times with an incorrect user ID or password.',
    status: 400,
    kind: 'locked',
    unconfirmed: ['error'],
  },
  // §3.4, §7.1: MSAL keys on `invalid_request` with 50142; no text is published.
  password_reset_required: {
    error: 'invalid_request',
    codes: [50142],
    message: 'The password must be reset before signing in.',
    status: 400,
    kind: 'password_reset_required',
    unconfirmed: ['message'],
  },
  // §5.1: reset start for a user with no password: msal-objc's `userNotHaveAPassword`; the text
  // is the (samples)' browser tests'.
  user_has_no_password: {
    error: 'invalid_request',
    codes: [500222],
    message: 'The tenant or user does not support native credential recovery.',
    status: 400,
    kind: 'other',
  },
  // §4.1: (api) cuts the text after "account".
  user_already_exists: {
    error: 'user_already_exists',
    codes: [1003037],
    message: 'It looks like you may already have an account.',
    status: 400,
    kind: 'user_already_exists',
  },
  // §4.3: MSAL needs 55103 and a token (SignUpClient.ts, handleContinueResponseError).
  credential_required: {
    error: 'credential_required',
    codes: [55103],
    message: 'Credential required.',
    status: 400,
    kind: 'credential_required',
    requires: ['continuationToken'],
  },
  // §4.3: MSAL refuses it without a token or with no required attribute (same file).
  attributes_required: {
    error: 'attributes_required',
    codes: [55106],
    message: 'User attributes required',
    status: 400,
    kind: 'attributes_required',
    requires: ['continuationToken', 'requiredAttributes'],
  },
  // §4.3: named by (api); MSAL.js does not handle it.
  verification_required: {
    error: 'verification_required',
    codes: [],
    message: 'Verification required.',
    status: 400,
    kind: 'verification_required',
    requires: ['continuationToken', 'unverifiedAttributes'],
    unconfirmed: ['message'],
  },
  // §4.1, §4.3: (api)'s suberror table gives the text.
  attribute_validation_failed: {
    error: 'invalid_grant',
    suberror: 'attribute_validation_failed',
    codes: [],
    message: 'User attribute validation failed.',
    status: 400,
    kind: 'attribute_validation_failed',
    requires: ['invalidAttributes'],
  },
  // §4.1, §5.3: (api)'s sign-up example, the only password suberror shown with a number; the
  // texts of the other five are (api)'s suberror table, and no number is published for them.
  password_too_weak: policy('password_too_weak', 'New password is too weak', [399246]),
  password_too_short: policy('password_too_short', 'New password is fewer than 8 characters.'),
  password_too_long: policy('password_too_long', 'New password is longer than 256 characters.'),
  password_recently_used: policy(
    'password_recently_used',
    'The new password must not be the same as one recently used.',
  ),
  password_banned: policy(
    'password_banned',
    'New password contains a word, phrase, or pattern that is banned.',
  ),
  password_is_invalid: policy('password_is_invalid', 'Password is invalid.'),
} as const satisfies Readonly<Record<string, NativeAuthErrorEntry>>;

/** The name of an error of {@link NATIVE_AUTH_ERRORS}. */
export type NativeAuthErrorName = keyof typeof NATIVE_AUTH_ERRORS;

type RequiredDetail<N extends NativeAuthErrorName> = (typeof NATIVE_AUTH_ERRORS)[N] extends {
  readonly requires: readonly (infer K)[];
}
  ? K & keyof NativeAuthErrorDetails
  : never;

/**
 * What {@link nativeAuthError} needs: the tracing fields, the details the entry requires (typed
 * as required), any other detail, and optionally a message to use instead of the table's — to
 * name the app and tenant of `unknown_client`, say.
 */
export type NativeAuthErrorOptions<N extends NativeAuthErrorName> = NativeAuthErrorTracing &
  NativeAuthErrorDetails &
  Required<Pick<NativeAuthErrorDetails, RequiredDetail<N>>> & { readonly message?: string };

function checkRequired(name: string, entry: NativeAuthErrorEntry, details: NativeAuthErrorDetails) {
  for (const detail of entry.requires ?? []) {
    const value = details[detail];
    if (value === undefined || value.length === 0)
      throw new TypeError(`${name} requires a non-empty ${detail}`);
  }
}

/**
 * The whole error body of a table entry, e.g. `nativeAuthError('invalid_password', { traceId,
 * correlationId, timestamp })`. Its HTTP status is `NATIVE_AUTH_ERRORS[name].status`. Throws a
 * TypeError when a required detail is missing or empty, besides what
 * {@link createNativeAuthErrorBody} refuses.
 */
export function nativeAuthError<N extends NativeAuthErrorName>(
  name: N,
  options: NativeAuthErrorOptions<N>,
): NativeAuthErrorEnvelope {
  const entry: NativeAuthErrorEntry = NATIVE_AUTH_ERRORS[name];
  checkRequired(name, entry, options);
  return createNativeAuthErrorBody({
    ...options,
    error: entry.error,
    ...(entry.suberror === undefined ? {} : { suberror: entry.suberror }),
    codes: entry.codes,
    message: options.message ?? entry.message,
  });
}
