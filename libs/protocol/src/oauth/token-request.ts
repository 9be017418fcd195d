/**
 * Token request types for the password and refresh grants of OAuth 2.0. `response_type` and
 * `resource` are not RFC 6749's token parameters, but B2C reads them (docs/b2c-ropc-protocol.md
 * §2), so the shared form codec carries them.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.3.2 (password grant)
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6 (refresh grant)
 */

/** Parameters every token request may carry, besides the grant-specific ones. */
export interface CommonTokenRequestParameters {
  /** Application (client) id of the app registration. */
  readonly client_id: string;
  /** Space-separated scopes, e.g. `openid offline_access {api scope}`. */
  readonly scope?: string;
  /** B2C issues an id_token only when this contains `id_token` and `scope` contains `openid`. */
  readonly response_type?: string;
  /**
   * Older B2C samples and custom policies name the audience here; a plain string, not always a
   * GUID.
   */
  readonly resource?: string;
  /**
   * Should not be sent: ROPC is a public-client flow. Parsed so that a server sees it and decides
   * (B2C does not validate it, so the emulator ignores it; docs/b2c-ropc-protocol.md §2.1).
   */
  readonly client_secret?: string;
}

/** `grant_type=password`: the user's sign-in name and password. */
export interface PasswordGrantRequest extends CommonTokenRequestParameters {
  readonly grant_type: 'password';
  /** The local account's sign-in name (email address or user name identity). */
  readonly username: string;
  readonly password: string;
}

/** `grant_type=refresh_token`: redeem a refresh token at the policy that issued it. */
export interface RefreshTokenGrantRequest extends CommonTokenRequestParameters {
  readonly grant_type: 'refresh_token';
  /** Opaque; never parsed by clients. */
  readonly refresh_token: string;
}

/** Any token request the form codec knows. */
export type TokenRequest = PasswordGrantRequest | RefreshTokenGrantRequest;

/** The grant types the form codec decodes (those a B2C ROPC user flow serves). */
export type GrantType = TokenRequest['grant_type'];

/** Every parameter name a token request may carry, in the order the encoder writes them. */
export const TOKEN_REQUEST_PARAMETERS = [
  'grant_type',
  'client_id',
  'username',
  'password',
  'refresh_token',
  'scope',
  'response_type',
  'resource',
  'client_secret',
] as const;

/** A parameter name of {@link TOKEN_REQUEST_PARAMETERS}. */
export type TokenRequestParameter = (typeof TOKEN_REQUEST_PARAMETERS)[number];

/** Parameters that must be present (and non-empty) for each grant type. */
export const REQUIRED_PARAMETERS: Readonly<Record<GrantType, readonly TokenRequestParameter[]>> = {
  password: ['client_id', 'username', 'password'],
  refresh_token: ['client_id', 'refresh_token'],
};
