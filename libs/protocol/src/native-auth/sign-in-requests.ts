import { capabilitiesField } from './capabilities';
import {
  formatChallengeTypes,
  type ChallengeSettings,
  type ChallengeType,
} from './challenge-types';
import { requireText } from './require-text';

/**
 * Request bodies of sign-in's first steps, keys in the order MSAL writes them
 * (docs/entra-native-auth-protocol.md §3.1, §3.2, §3.5 and §6). The token endpoint's grants
 * are in token-requests.ts.
 */

/** `POST oauth2/v2.0/initiate`: start signing a user in. */
export interface SignInInitiateRequest {
  readonly client_id: string;
  readonly username: string;
  readonly challenge_type: string;
  /** Space-separated, only when the client declares capabilities (`mfa_required`, …). */
  readonly capabilities?: string;
}

/** `POST oauth2/v2.0/challenge`: ask which credential the user needs, or resend a code. */
export interface SignInChallengeRequest {
  readonly client_id: string;
  readonly continuation_token: string;
  readonly challenge_type: string;
  /** The MFA method id from introspect; MFA only. */
  readonly id?: string;
}

/** `POST oauth2/v2.0/introspect`: list the user's MFA methods (after `mfa_required`). */
export interface SignInIntrospectRequest {
  readonly client_id: string;
  readonly continuation_token: string;
}

/** Parameters of {@link signInInitiateRequest}. */
export interface SignInInitiateParameters extends ChallengeSettings {
  readonly username: string;
}

/** Parameters of {@link signInChallengeRequest}. */
export interface SignInChallengeParameters {
  readonly continuationToken: string;
  readonly challengeTypes: readonly ChallengeType[];
  readonly id?: string;
}

/**
 * Builds the initiate body: `client_id`, `username`, `challenge_type`, [`capabilities`].
 *
 * @throws TypeError on an empty client id or username, or an unknown challenge type.
 */
export function signInInitiateRequest(
  clientId: string,
  parameters: SignInInitiateParameters,
): SignInInitiateRequest {
  return {
    client_id: requireText(clientId, 'clientId'),
    username: requireText(parameters.username, 'username'),
    challenge_type: formatChallengeTypes(parameters.challengeTypes),
    ...capabilitiesField(parameters.capabilities),
  };
}

/**
 * Builds the challenge body: `client_id`, `continuation_token`, `challenge_type`, [`id`].
 *
 * @throws TypeError on an empty client id or continuation token, or an unknown challenge type.
 */
export function signInChallengeRequest(
  clientId: string,
  parameters: SignInChallengeParameters,
): SignInChallengeRequest {
  return {
    client_id: requireText(clientId, 'clientId'),
    continuation_token: requireText(parameters.continuationToken, 'continuationToken'),
    challenge_type: formatChallengeTypes(parameters.challengeTypes),
    ...(parameters.id ? { id: parameters.id } : {}),
  };
}

/**
 * Builds the introspect body: `client_id`, `continuation_token`.
 *
 * @throws TypeError on an empty client id or continuation token.
 */
export function signInIntrospectRequest(
  clientId: string,
  parameters: { readonly continuationToken: string },
): SignInIntrospectRequest {
  return {
    client_id: requireText(clientId, 'clientId'),
    continuation_token: requireText(parameters.continuationToken, 'continuationToken'),
  };
}
