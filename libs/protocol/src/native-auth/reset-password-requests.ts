import { capabilitiesField } from './capabilities';
import {
  formatChallengeTypes,
  type ChallengeSettings,
  type ChallengeType,
} from './challenge-types';
import { requireText } from './require-text';

/**
 * Request bodies of self-service password reset (docs/entra-native-auth-protocol.md §5 and
 * §6), keys in the order MSAL writes them — `challenge_type` comes first in this flow.
 */

/** `POST resetpassword/v1.0/start`. */
export interface ResetPasswordStartRequest {
  readonly client_id: string;
  readonly challenge_type: string;
  readonly username: string;
  readonly capabilities?: string;
}

/** `POST resetpassword/v1.0/challenge`: send (or resend) the code. */
export interface ResetPasswordChallengeRequest {
  readonly client_id: string;
  readonly challenge_type: string;
  readonly continuation_token: string;
}

/** `POST resetpassword/v1.0/continue`: submit the code. */
export interface ResetPasswordContinueRequest {
  readonly client_id: string;
  readonly continuation_token: string;
  readonly grant_type: 'oob';
  readonly oob: string;
}

/** `POST resetpassword/v1.0/submit`: submit the new password. */
export interface ResetPasswordSubmitRequest {
  readonly client_id: string;
  readonly continuation_token: string;
  readonly new_password: string;
}

/** `POST resetpassword/v1.0/poll_completion`, with the token `submit` returned, every time. */
export interface ResetPasswordPollCompletionRequest {
  readonly client_id: string;
  readonly continuation_token: string;
}

const head = (clientId: string, continuationToken: string) => ({
  client_id: requireText(clientId, 'clientId'),
  continuation_token: requireText(continuationToken, 'continuationToken'),
});

/**
 * Builds the start body: `client_id`, `challenge_type`, `username`, [`capabilities`].
 *
 * @throws TypeError on an empty client id or username, or an unknown challenge type.
 */
export function resetPasswordStartRequest(
  clientId: string,
  parameters: ChallengeSettings & { readonly username: string },
): ResetPasswordStartRequest {
  return {
    client_id: requireText(clientId, 'clientId'),
    challenge_type: formatChallengeTypes(parameters.challengeTypes),
    username: requireText(parameters.username, 'username'),
    ...capabilitiesField(parameters.capabilities),
  };
}

/**
 * Builds the challenge body: `client_id`, `challenge_type`, `continuation_token`.
 *
 * @throws TypeError on an empty client id or continuation token, or an unknown challenge type.
 */
export function resetPasswordChallengeRequest(
  clientId: string,
  parameters: {
    readonly continuationToken: string;
    readonly challengeTypes: readonly ChallengeType[];
  },
): ResetPasswordChallengeRequest {
  return {
    client_id: requireText(clientId, 'clientId'),
    challenge_type: formatChallengeTypes(parameters.challengeTypes),
    continuation_token: requireText(parameters.continuationToken, 'continuationToken'),
  };
}

/**
 * Builds the continue body: `client_id`, `continuation_token`, `grant_type=oob`, `oob`.
 *
 * @throws TypeError on an empty client id, continuation token or code.
 */
export function resetPasswordContinueRequest(
  clientId: string,
  parameters: { readonly continuationToken: string; readonly oob: string },
): ResetPasswordContinueRequest {
  return {
    ...head(clientId, parameters.continuationToken),
    grant_type: 'oob',
    oob: requireText(parameters.oob, 'oob'),
  };
}

/**
 * Builds the submit body: `client_id`, `continuation_token`, `new_password`.
 *
 * @throws TypeError on an empty client id, continuation token or password.
 */
export function resetPasswordSubmitRequest(
  clientId: string,
  parameters: { readonly continuationToken: string; readonly newPassword: string },
): ResetPasswordSubmitRequest {
  return {
    ...head(clientId, parameters.continuationToken),
    new_password: requireText(parameters.newPassword, 'newPassword'),
  };
}

/**
 * Builds the poll body: `client_id`, `continuation_token`.
 *
 * @throws TypeError on an empty client id or continuation token.
 */
export function resetPasswordPollCompletionRequest(
  clientId: string,
  parameters: { readonly continuationToken: string },
): ResetPasswordPollCompletionRequest {
  return head(clientId, parameters.continuationToken);
}
