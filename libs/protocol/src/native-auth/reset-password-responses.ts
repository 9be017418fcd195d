import { continuationTokenOf } from './continuation-response';
import { problem, type SuccessParseResult } from './response-problem';

/**
 * The answers particular to password reset (docs/entra-native-auth-protocol.md §5.2–5.4): the
 * verified code's token with its lifetime, the submitted password's poll token and interval, and
 * the poll's status.
 */

/** `resetpassword/v1.0/continue`: the code was right; submit a new password with this token. */
export interface ResetPasswordContinueResponse {
  readonly continuation_token: string;
  /** The token's lifetime in seconds (at most 600). */
  readonly expires_in?: number;
}

/** `resetpassword/v1.0/submit`: the change is under way; poll with this token. */
export interface ResetPasswordSubmitResponse {
  readonly continuation_token: string;
  /** Seconds between polls; {@link DEFAULT_POLL_INTERVAL_SECONDS} when the answer gives none. */
  readonly poll_interval: number;
}

/** The four statuses of a poll. */
export const RESET_PASSWORD_POLL_STATUSES = [
  'not_started',
  'in_progress',
  'succeeded',
  'failed',
] as const;

/** A poll's status: wait and poll again, sign in, or submit a password again. */
export type ResetPasswordPollStatus = (typeof RESET_PASSWORD_POLL_STATUSES)[number];

/**
 * `resetpassword/v1.0/poll_completion`. When `succeeded`, the token signs the user in with the
 * continuation-token grant, so it is required then.
 */
export type ResetPasswordPollCompletionResponse =
  | { readonly status: 'succeeded'; readonly continuation_token: string }
  | {
      readonly status: 'not_started' | 'in_progress' | 'failed';
      readonly continuation_token?: string;
    };

/**
 * MSAL replaces a `poll_interval` of 0 by 2 seconds; a missing or unusable one gets the same here
 * rather than polling in a tight loop.
 */
export const DEFAULT_POLL_INTERVAL_SECONDS = 2;

const positiveNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;

/** Checks the continue answer: a continuation token; `expires_in` kept when a positive number. */
export function parseResetPasswordContinueResponse(
  body: Readonly<Record<string, unknown>>,
): SuccessParseResult<ResetPasswordContinueResponse> {
  const token = continuationTokenOf(body);
  if (token === undefined) return problem('continuation_token_missing');
  const expiresIn = positiveNumber(body['expires_in']);
  return {
    ok: true,
    body: {
      continuation_token: token,
      ...(expiresIn === undefined ? {} : { expires_in: expiresIn }),
    },
  };
}

/** Checks the submit answer: a continuation token and a usable poll interval. */
export function parseResetPasswordSubmitResponse(
  body: Readonly<Record<string, unknown>>,
): SuccessParseResult<ResetPasswordSubmitResponse> {
  const token = continuationTokenOf(body);
  if (token === undefined) return problem('continuation_token_missing');
  const interval = positiveNumber(body['poll_interval']) ?? DEFAULT_POLL_INTERVAL_SECONDS;
  return { ok: true, body: { continuation_token: token, poll_interval: interval } };
}

const isPollStatus = (value: unknown): value is ResetPasswordPollStatus =>
  (RESET_PASSWORD_POLL_STATUSES as readonly unknown[]).includes(value);

/** Checks the poll answer: one of the four statuses, and a token when `succeeded`. */
export function parseResetPasswordPollCompletionResponse(
  body: Readonly<Record<string, unknown>>,
): SuccessParseResult<ResetPasswordPollCompletionResponse> {
  const status = body['status'];
  if (!isPollStatus(status)) return problem('invalid_poll_status');
  const token = continuationTokenOf(body);
  if (status === 'succeeded') {
    return token === undefined
      ? problem('continuation_token_missing')
      : { ok: true, body: { status, continuation_token: token } };
  }
  return {
    ok: true,
    body: { status, ...(token === undefined ? {} : { continuation_token: token }) },
  };
}
