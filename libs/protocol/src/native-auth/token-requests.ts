import { formatScope } from '../oauth/scope';
import { optionalText, requireText } from './require-text';

/**
 * The four grants of `POST oauth2/v2.0/token` (docs/entra-native-auth-protocol.md §3.3 and
 * §6), keys in the order MSAL writes them. Every grant carries `client_info=1`: without it the
 * answer has no `client_info`, which MSAL needs to file the account.
 */

/** The scopes MSAL asks for when the app names none: an id token, a profile, a refresh token. */
export const DEFAULT_NATIVE_AUTH_SCOPES = ['openid', 'profile', 'offline_access'] as const;

/** `grant_type=password`, after a challenge answered `password`. */
export interface SignInPasswordTokenRequest {
  readonly client_id: string;
  readonly continuation_token: string;
  readonly grant_type: 'password';
  readonly scope: string;
  readonly password: string;
  readonly claims?: string;
  readonly client_info: '1';
}

/** `grant_type=oob`: the one-time code the user received. */
export interface SignInOobTokenRequest {
  readonly client_id: string;
  readonly continuation_token: string;
  readonly scope: string;
  readonly oob: string;
  readonly grant_type: 'oob';
  readonly claims?: string;
  readonly client_info: '1';
}

/** `grant_type=continuation_token`: sign in after sign-up or a password reset completed. */
export interface SignInContinuationTokenRequest {
  readonly client_id: string;
  readonly continuation_token: string;
  readonly scope: string;
  readonly grant_type: 'continuation_token';
  readonly claims?: string;
  readonly username?: string;
  readonly client_info: '1';
}

/**
 * `grant_type=refresh_token`, as MSAL's refresh sends it minus its telemetry fields and
 * `X-AnchorMailbox`, which change nothing at the server.
 */
export interface NativeAuthRefreshTokenRequest {
  readonly client_id: string;
  readonly scope: string;
  readonly grant_type: 'refresh_token';
  readonly client_info: '1';
  readonly refresh_token: string;
  readonly claims?: string;
}

/** Any request to the token endpoint. */
export type NativeAuthTokenRequest =
  | SignInPasswordTokenRequest
  | SignInOobTokenRequest
  | SignInContinuationTokenRequest
  | NativeAuthRefreshTokenRequest;

/** What every sign-in grant may add. */
export interface TokenGrantOptions {
  /** Default {@link DEFAULT_NATIVE_AUTH_SCOPES}. */
  readonly scopes?: readonly string[];
  /** A JSON claims request, sent as given. */
  readonly claims?: string;
}

/** The `scope` of a sign-in grant: the app's scopes, or the defaults when it names none. */
export function signInScope(scopes: readonly string[] = []): string {
  return formatScope(scopes.length > 0 ? scopes : DEFAULT_NATIVE_AUTH_SCOPES);
}

/** The `scope` of a refresh: the app's scopes followed by the defaults, as MSAL asks. */
export function refreshScope(scopes: readonly string[] = []): string {
  return formatScope([...scopes, ...DEFAULT_NATIVE_AUTH_SCOPES]);
}

const claimsField = (claims: string | undefined): { readonly claims?: string } => {
  const value = optionalText(claims);
  return value === undefined ? {} : { claims: value };
};

/**
 * Builds the password grant: `client_id`, `continuation_token`, `grant_type`, `scope`,
 * `password`, [`claims`], `client_info`.
 *
 * @throws TypeError on an empty client id, continuation token or password.
 */
export function signInPasswordTokenRequest(
  clientId: string,
  parameters: TokenGrantOptions & { readonly continuationToken: string; readonly password: string },
): SignInPasswordTokenRequest {
  return {
    client_id: requireText(clientId, 'clientId'),
    continuation_token: requireText(parameters.continuationToken, 'continuationToken'),
    grant_type: 'password',
    scope: signInScope(parameters.scopes),
    password: requireText(parameters.password, 'password'),
    ...claimsField(parameters.claims),
    client_info: '1',
  };
}

/**
 * Builds the oob grant: `client_id`, `continuation_token`, `scope`, `oob`, `grant_type`,
 * [`claims`], `client_info`.
 *
 * @throws TypeError on an empty client id, continuation token or code.
 */
export function signInOobTokenRequest(
  clientId: string,
  parameters: TokenGrantOptions & { readonly continuationToken: string; readonly oob: string },
): SignInOobTokenRequest {
  return {
    client_id: requireText(clientId, 'clientId'),
    continuation_token: requireText(parameters.continuationToken, 'continuationToken'),
    scope: signInScope(parameters.scopes),
    oob: requireText(parameters.oob, 'oob'),
    grant_type: 'oob',
    ...claimsField(parameters.claims),
    client_info: '1',
  };
}

/**
 * Builds the continuation-token grant: `client_id`, `continuation_token`, `scope`, `grant_type`,
 * [`claims`], [`username`], `client_info`. MSAL sends the username it signed up or reset with.
 *
 * @throws TypeError on an empty client id or continuation token.
 */
export function signInContinuationTokenRequest(
  clientId: string,
  parameters: TokenGrantOptions & {
    readonly continuationToken: string;
    readonly username?: string;
  },
): SignInContinuationTokenRequest {
  const username = optionalText(parameters.username);
  return {
    client_id: requireText(clientId, 'clientId'),
    continuation_token: requireText(parameters.continuationToken, 'continuationToken'),
    scope: signInScope(parameters.scopes),
    grant_type: 'continuation_token',
    ...claimsField(parameters.claims),
    ...(username === undefined ? {} : { username }),
    client_info: '1',
  };
}

/**
 * Builds the refresh grant: `client_id`, `scope`, `grant_type`, `client_info`, `refresh_token`,
 * [`claims`].
 *
 * @throws TypeError on an empty client id or refresh token.
 */
export function nativeAuthRefreshTokenRequest(
  clientId: string,
  parameters: TokenGrantOptions & { readonly refreshToken: string },
): NativeAuthRefreshTokenRequest {
  return {
    client_id: requireText(clientId, 'clientId'),
    scope: refreshScope(parameters.scopes),
    grant_type: 'refresh_token',
    client_info: '1',
    refresh_token: requireText(parameters.refreshToken, 'refreshToken'),
    ...claimsField(parameters.claims),
  };
}
