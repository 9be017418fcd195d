import type { OobChallengeResponse, PasswordChallengeResponse } from './challenge-response';
import type { ContinuationResponse } from './continuation-response';
import type { AuthenticationMethod, IntrospectResponse } from './introspect-response';
import {
  DEFAULT_POLL_INTERVAL_SECONDS,
  RESET_PASSWORD_POLL_STATUSES,
  type ResetPasswordContinueResponse,
  type ResetPasswordPollCompletionResponse,
  type ResetPasswordSubmitResponse,
} from './reset-password-responses';
import { requireText } from './require-text';

/**
 * Writing the success answers that move a flow along (docs/entra-native-auth-protocol.md §2.2,
 * §3–§5), the server side of the checks in continuation-response.ts, challenge-response.ts,
 * introspect-response.ts and reset-password-responses.ts: each writer returns the type its check
 * returns, so the two cannot drift apart unnoticed. Keys come in the order of the published
 * examples. What a check would drop or refuse is a TypeError here: the caller's mistake.
 */

function requireInteger(value: number, parameter: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new TypeError(`${parameter} must be an integer from ${min} to ${max}`);
  return value;
}

const MAX_SECONDS = Number.MAX_SAFE_INTEGER;

/** `{ continuation_token }`: initiate, sign-up start and continue, password-reset start. */
export function createContinuationResponse(continuationToken: string): ContinuationResponse {
  return { continuation_token: requireText(continuationToken, 'continuationToken') };
}

/** The redirect answer (§2.2): `200` on any endpoint, the token endpoint included. */
export interface NativeAuthRedirectBody {
  readonly challenge_type: 'redirect';
  /** Written by the token endpoint only, in the published answers. */
  readonly redirect_reason?: string;
}

/** Writes the redirect answer, with `redirect_reason` when given. */
export function createRedirectResponse(
  options: { readonly reason?: string } = {},
): NativeAuthRedirectBody {
  const { reason } = options;
  return {
    challenge_type: 'redirect',
    ...(reason === undefined ? {} : { redirect_reason: requireText(reason, 'reason') }),
  };
}

/** A password challenge (§3.2, §4.2): the user must give a password. */
export function createPasswordChallengeResponse(
  continuationToken: string,
): PasswordChallengeResponse {
  return {
    continuation_token: requireText(continuationToken, 'continuationToken'),
    challenge_type: 'password',
  };
}

/** What {@link createOobChallengeResponse} needs. */
export interface OobChallengeOptions {
  readonly continuationToken: string;
  /** The masked address: `maskEmailAddress(email)`. */
  readonly targetLabel: string;
  /** Characters in the code: 8 by default, as in every example; 1–64 (MSAL checks the length). */
  readonly codeLength?: number;
  /** Sign-up only: seconds before another code may be asked for (300 in the example). */
  readonly interval?: number;
  /** `email` by default, the only channel. */
  readonly channel?: string;
  /** `prompt` by default, the only binding method. */
  readonly bindingMethod?: string;
}

/**
 * An oob challenge (§3.2, §4.2, §5.1): a code was sent. Keys in the published order, `interval`
 * first when given as in sign-up's example.
 */
export function createOobChallengeResponse(options: OobChallengeOptions): OobChallengeResponse {
  const { interval, codeLength = 8 } = options;
  return {
    ...(interval === undefined
      ? {}
      : { interval: requireInteger(interval, 'interval', 0, MAX_SECONDS) }),
    continuation_token: requireText(options.continuationToken, 'continuationToken'),
    challenge_type: 'oob',
    binding_method: requireText(options.bindingMethod ?? 'prompt', 'bindingMethod'),
    challenge_channel: requireText(options.channel ?? 'email', 'channel'),
    challenge_target_label: requireText(options.targetLabel, 'targetLabel'),
    code_length: requireInteger(codeLength, 'codeLength', 1, 64),
  };
}

/** The most methods introspect-response.ts reads; more would be dropped. */
const MAX_METHODS = 20;

const methodItem = ({
  id,
  challenge_type,
  challenge_channel,
  login_hint,
}: AuthenticationMethod) => ({
  id: requireText(id, 'method id'),
  challenge_type: requireText(challenge_type, 'method challenge_type'),
  challenge_channel: requireText(challenge_channel, 'method challenge_channel'),
  ...(login_hint === undefined ? {} : { login_hint }),
});

/** Introspect's answer (§3.5): the user's strong-authentication methods, at most 20. */
export function createIntrospectResponse(options: {
  readonly continuationToken: string;
  readonly methods: readonly AuthenticationMethod[];
}): IntrospectResponse {
  if (options.methods.length > MAX_METHODS)
    throw new TypeError(`methods must list at most ${MAX_METHODS} methods`);
  return {
    continuation_token: requireText(options.continuationToken, 'continuationToken'),
    methods: options.methods.map(methodItem),
  };
}

/** The longest a reset token lives, as published (§2.3, §5.2). */
export const MAX_RESET_TOKEN_SECONDS = 600;

/** Password reset's continue (§5.2): the code was right; `expires_in` of 1–600 seconds. */
export function createResetPasswordContinueResponse(options: {
  readonly continuationToken: string;
  readonly expiresIn: number;
}): ResetPasswordContinueResponse {
  return {
    expires_in: requireInteger(options.expiresIn, 'expiresIn', 1, MAX_RESET_TOKEN_SECONDS),
    continuation_token: requireText(options.continuationToken, 'continuationToken'),
  };
}

/** Password reset's submit (§5.3): poll with this token every `pollInterval` (2) seconds. */
export function createResetPasswordSubmitResponse(options: {
  readonly continuationToken: string;
  readonly pollInterval?: number;
}): ResetPasswordSubmitResponse {
  const { pollInterval = DEFAULT_POLL_INTERVAL_SECONDS } = options;
  return {
    continuation_token: requireText(options.continuationToken, 'continuationToken'),
    poll_interval: requireInteger(pollInterval, 'pollInterval', 1, MAX_SECONDS),
  };
}

/** What {@link createResetPasswordPollCompletionResponse} needs: a token when `succeeded`. */
export type ResetPasswordPollOptions =
  | { readonly status: 'succeeded'; readonly continuationToken: string }
  | {
      readonly status: 'not_started' | 'in_progress' | 'failed';
      readonly continuationToken?: string;
    };

/** Password reset's poll (§5.4): the status, and the token that signs the user in. */
export function createResetPasswordPollCompletionResponse(
  options: ResetPasswordPollOptions,
): ResetPasswordPollCompletionResponse {
  const { status, continuationToken } = options;
  if (!(RESET_PASSWORD_POLL_STATUSES as readonly string[]).includes(status))
    throw new TypeError(`status must be one of ${RESET_PASSWORD_POLL_STATUSES.join(', ')}`);
  if (status === 'succeeded')
    return { status, continuation_token: requireText(continuationToken, 'continuationToken') };
  return {
    status,
    ...(continuationToken === undefined
      ? {}
      : { continuation_token: requireText(continuationToken, 'continuationToken') }),
  };
}
