import { formatChallengeTypes } from './challenge-types';
import type { ChallengeSettings } from './challenge-types';
import { buildNativeAuthUrl } from './endpoint-url';
import type { NativeAuthEndpoint } from './endpoints';
import { encodeNativeAuthBody } from './form-body';
import { processNativeAuthResponse, type NativeAuthOutcome } from './native-auth-outcome';
import {
  postNativeAuthForm,
  type NativeAuthCallOptions,
  type NativeAuthTransportOptions,
} from './native-auth-transport';
import { requireText } from './require-text';
import {
  resetPasswordChallengeRequest,
  resetPasswordContinueRequest,
  resetPasswordPollCompletionRequest,
  resetPasswordStartRequest,
  resetPasswordSubmitRequest,
} from './reset-password-requests';
import { NATIVE_AUTH_RESPONSE_PARSERS, type NativeAuthSuccessBodies } from './response-parsers';
import {
  signInChallengeRequest,
  signInInitiateRequest,
  signInIntrospectRequest,
} from './sign-in-requests';
import {
  signUpChallengeRequest,
  signUpContinueRequest,
  signUpStartRequest,
  type SignUpContinueGrant,
} from './sign-up-requests';
import {
  nativeAuthRefreshTokenRequest,
  signInContinuationTokenRequest,
  signInOobTokenRequest,
  signInPasswordTokenRequest,
  type TokenGrantOptions,
} from './token-requests';
import type { UserAttributes } from './user-attributes';

/** Settings of {@link createNativeAuthClient}. */
export interface NativeAuthClientOptions extends NativeAuthTransportOptions, ChallengeSettings {
  /**
   * Where the endpoint paths go: a tenant's base URL (`parseNativeAuthAuthority(…).baseUrl`) or a
   * proxy's URL, as MSAL's `authApiProxyUrl` (docs/entra-native-auth-protocol.md §1.4).
   */
  readonly baseUrl: string;
  readonly clientId: string;
  /** Added to every call's URL but the refresh's, as MSAL's `customAuthApiQueryParams`. */
  readonly queryParameters?: Readonly<Record<string, string>>;
  /** Largest answer read; default 64 KiB. */
  readonly maxResponseBytes?: number;
  /** Epoch milliseconds; injectable for tests. */
  readonly now?: () => number;
}

type Outcome<E extends NativeAuthEndpoint> = Promise<NativeAuthOutcome<NativeAuthSuccessBodies[E]>>;
type Token = { readonly continuationToken: string };

/**
 * One method per call of the sign-in, sign-up and password-reset flows. Each resolves to a typed
 * outcome — success, redirect, error or invalid response — and rejects only with a TypeError for
 * a missing argument or a `NetworkError` when no answer came.
 */
export interface NativeAuthClient {
  signInInitiate(
    parameters: { readonly username: string },
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'signInInitiate'>;
  /** Also resends the code: call again with the same token. */
  signInChallenge(
    parameters: Token & { readonly id?: string },
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'signInChallenge'>;
  signInIntrospect(
    parameters: Token,
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'signInIntrospect'>;
  passwordGrant(
    parameters: Token & TokenGrantOptions & { readonly password: string },
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'token'>;
  oobGrant(
    parameters: Token & TokenGrantOptions & { readonly oob: string },
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'token'>;
  /** After sign-up or a password reset: sign in with their last token. */
  continuationTokenGrant(
    parameters: Token & TokenGrantOptions & { readonly username?: string },
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'token'>;
  refreshTokenGrant(
    parameters: TokenGrantOptions & { readonly refreshToken: string },
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'token'>;
  signUpStart(
    parameters: {
      readonly username: string;
      readonly password?: string;
      readonly attributes?: UserAttributes;
    },
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'signUpStart'>;
  signUpChallenge(
    parameters: Token,
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'signUpChallenge'>;
  signUpContinue(
    parameters: Token & SignUpContinueGrant,
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'signUpContinue'>;
  resetPasswordStart(
    parameters: { readonly username: string },
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'resetPasswordStart'>;
  resetPasswordChallenge(
    parameters: Token,
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'resetPasswordChallenge'>;
  resetPasswordContinue(
    parameters: Token & { readonly oob: string },
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'resetPasswordContinue'>;
  resetPasswordSubmit(
    parameters: Token & { readonly newPassword: string },
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'resetPasswordSubmit'>;
  /** Poll with `submit`'s token, every time, `poll_interval` seconds apart. */
  resetPasswordPollCompletion(
    parameters: Token,
    callOptions?: NativeAuthCallOptions,
  ): Outcome<'resetPasswordPollCompletion'>;
}

/** Checks the settings once, so that a misconfigured client fails when it is made. */
function checkSettings(settings: NativeAuthClientOptions): void {
  requireText(settings.clientId, 'clientId');
  formatChallengeTypes(settings.challengeTypes);
  buildNativeAuthUrl(settings.baseUrl, 'token');
}

/**
 * Creates a platform-neutral client of the V1 native authentication API over fetch
 * (docs/entra-native-auth-protocol.md §3–5): each method builds the exact body MSAL sends, posts it
 * and checks the answer. The flows' order is the caller's: this client keeps no state.
 *
 * @throws TypeError on an empty client id, an unknown challenge type or a base URL that is not
 *   absolute.
 */
export function createNativeAuthClient(settings: NativeAuthClientOptions): NativeAuthClient {
  checkSettings(settings);
  const { clientId } = settings;
  const withChallenge = <T>(input: T) => ({
    ...input,
    challengeTypes: settings.challengeTypes,
    capabilities: settings.capabilities,
  });
  const send = async <E extends NativeAuthEndpoint>(
    endpoint: E,
    body: object,
    callOptions: NativeAuthCallOptions | undefined,
    query = settings.queryParameters,
  ): Outcome<E> => {
    const url = buildNativeAuthUrl(settings.baseUrl, endpoint, query);
    return postNativeAuthForm(url, encodeNativeAuthBody(body), settings, callOptions ?? {}, (r) =>
      processNativeAuthResponse(r, NATIVE_AUTH_RESPONSE_PARSERS[endpoint], {
        maxBytes: settings.maxResponseBytes,
        now: settings.now,
      }),
    );
  };
  return {
    signInInitiate: async (input, options) =>
      send('signInInitiate', signInInitiateRequest(clientId, withChallenge(input)), options),
    signInChallenge: async (input, options) =>
      send('signInChallenge', signInChallengeRequest(clientId, withChallenge(input)), options),
    signInIntrospect: async (input, options) =>
      send('signInIntrospect', signInIntrospectRequest(clientId, input), options),
    passwordGrant: async (input, options) =>
      send('token', signInPasswordTokenRequest(clientId, input), options),
    oobGrant: async (input, options) =>
      send('token', signInOobTokenRequest(clientId, input), options),
    continuationTokenGrant: async (input, options) =>
      send('token', signInContinuationTokenRequest(clientId, input), options),
    refreshTokenGrant: async (input, options) =>
      send('token', nativeAuthRefreshTokenRequest(clientId, input), options, {}),
    signUpStart: async (input, options) =>
      send('signUpStart', signUpStartRequest(clientId, withChallenge(input)), options),
    signUpChallenge: async (input, options) =>
      send('signUpChallenge', signUpChallengeRequest(clientId, withChallenge(input)), options),
    signUpContinue: async (input, options) =>
      send('signUpContinue', signUpContinueRequest(clientId, input), options),
    resetPasswordStart: async (input, options) =>
      send(
        'resetPasswordStart',
        resetPasswordStartRequest(clientId, withChallenge(input)),
        options,
      ),
    resetPasswordChallenge: async (input, options) =>
      send(
        'resetPasswordChallenge',
        resetPasswordChallengeRequest(clientId, withChallenge(input)),
        options,
      ),
    resetPasswordContinue: async (input, options) =>
      send('resetPasswordContinue', resetPasswordContinueRequest(clientId, input), options),
    resetPasswordSubmit: async (input, options) =>
      send('resetPasswordSubmit', resetPasswordSubmitRequest(clientId, input), options),
    resetPasswordPollCompletion: async (input, options) =>
      send(
        'resetPasswordPollCompletion',
        resetPasswordPollCompletionRequest(clientId, input),
        options,
      ),
  };
}
