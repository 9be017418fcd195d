import { capabilitiesField } from './capabilities';
import {
  formatChallengeTypes,
  type ChallengeSettings,
  type ChallengeType,
} from './challenge-types';
import { optionalText, requireText } from './require-text';
import { encodeUserAttributes, type UserAttributes } from './user-attributes';

/**
 * Request bodies of sign-up (docs/entra-native-auth-protocol.md §4 and §6), keys in the
 * order MSAL writes them.
 */

/** `POST signup/v1.0/start`. */
export interface SignUpStartRequest {
  readonly client_id: string;
  readonly username: string;
  readonly password?: string;
  /** A JSON object string; see user-attributes.ts. */
  readonly attributes?: string;
  readonly challenge_type: string;
  readonly capabilities?: string;
}

/** `POST signup/v1.0/challenge`: send (or resend) the code, or ask for the password. */
export interface SignUpChallengeRequest {
  readonly client_id: string;
  readonly continuation_token: string;
  readonly challenge_type: string;
}

/** `POST signup/v1.0/continue` with one of its three grants. */
export type SignUpContinueRequest =
  | {
      readonly client_id: string;
      readonly continuation_token: string;
      readonly grant_type: 'oob';
      readonly oob: string;
    }
  | {
      readonly client_id: string;
      readonly continuation_token: string;
      readonly grant_type: 'password';
      readonly password: string;
    }
  | {
      readonly client_id: string;
      readonly continuation_token: string;
      readonly grant_type: 'attributes';
      readonly attributes: string;
    };

/** Parameters of {@link signUpStartRequest}. */
export interface SignUpStartParameters extends ChallengeSettings {
  readonly username: string;
  /** Sent only when given; otherwise the server asks for it after the code (`credential_required`). */
  readonly password?: string;
  /** Sent only when given (even when empty, as MSAL does). */
  readonly attributes?: UserAttributes;
}

/** What a `signup/v1.0/continue` call submits. */
export type SignUpContinueGrant =
  | { readonly grantType: 'oob'; readonly oob: string }
  | { readonly grantType: 'password'; readonly password: string }
  | { readonly grantType: 'attributes'; readonly attributes: UserAttributes };

/**
 * Builds the start body: `client_id`, `username`, [`password`], [`attributes`],
 * `challenge_type`, [`capabilities`].
 *
 * @throws TypeError on an empty client id or username, an unknown challenge type, or attributes
 *   that are not named strings.
 */
export function signUpStartRequest(
  clientId: string,
  parameters: SignUpStartParameters,
): SignUpStartRequest {
  const password = optionalText(parameters.password);
  return {
    client_id: requireText(clientId, 'clientId'),
    username: requireText(parameters.username, 'username'),
    ...(password === undefined ? {} : { password }),
    ...(parameters.attributes === undefined
      ? {}
      : { attributes: encodeUserAttributes(parameters.attributes) }),
    challenge_type: formatChallengeTypes(parameters.challengeTypes),
    ...capabilitiesField(parameters.capabilities),
  };
}

/**
 * Builds the challenge body: `client_id`, `continuation_token`, `challenge_type`.
 *
 * @throws TypeError on an empty client id or continuation token, or an unknown challenge type.
 */
export function signUpChallengeRequest(
  clientId: string,
  parameters: {
    readonly continuationToken: string;
    readonly challengeTypes: readonly ChallengeType[];
  },
): SignUpChallengeRequest {
  return {
    client_id: requireText(clientId, 'clientId'),
    continuation_token: requireText(parameters.continuationToken, 'continuationToken'),
    challenge_type: formatChallengeTypes(parameters.challengeTypes),
  };
}

/**
 * Builds the continue body: `client_id`, `continuation_token`, `grant_type`, then the code, the
 * password or the attributes.
 *
 * @throws TypeError on an empty client id, continuation token, code or password, or attributes
 *   that are not named strings.
 */
export function signUpContinueRequest(
  clientId: string,
  parameters: { readonly continuationToken: string } & SignUpContinueGrant,
): SignUpContinueRequest {
  const head = {
    client_id: requireText(clientId, 'clientId'),
    continuation_token: requireText(parameters.continuationToken, 'continuationToken'),
  };
  switch (parameters.grantType) {
    case 'oob':
      return { ...head, grant_type: 'oob', oob: requireText(parameters.oob, 'oob') };
    case 'password':
      return {
        ...head,
        grant_type: 'password',
        password: requireText(parameters.password, 'password'),
      };
    case 'attributes':
      return {
        ...head,
        grant_type: 'attributes',
        attributes: encodeUserAttributes(parameters.attributes),
      };
  }
}
