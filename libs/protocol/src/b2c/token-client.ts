import {
  tokenEndpointRequest,
  type TokenCallOptions,
  type TokenClientOptions,
} from '../oauth/token-endpoint-request';
import type {
  PasswordGrantRequest,
  RefreshTokenGrantRequest,
  TokenRequest,
} from '../oauth/token-request';
import { toTokenSet, type TokenSet } from '../oauth/token-set';
import { processTokenResponse } from './process-token-response';

/**
 * The ROPC client of a B2C user flow: the password and refresh grants with B2C's parameters, sent
 * by the kind-neutral `tokenEndpointRequest` and checked by `processTokenResponse`.
 */

/** Parameters of {@link passwordGrant}. */
export interface PasswordGrantParameters {
  readonly username: string;
  readonly password: string;
  readonly scope?: string;
  /**
   * Default `token id_token`: without `id_token` B2C sends no id_token (docs/b2c-ropc-protocol.md
   * §8.1).
   */
  readonly responseType?: string;
  readonly resource?: string;
}

/** Parameters of {@link refreshTokenGrant}. */
export interface RefreshTokenGrantParameters {
  readonly refreshToken: string;
  readonly scope?: string;
  /** Default `token id_token`. */
  readonly responseType?: string;
  readonly resource?: string;
}

const DEFAULT_RESPONSE_TYPE = 'token id_token';

/** Builds the password grant request (RFC 6749 §4.3.2) with B2C's parameters. */
export function passwordGrantRequest(
  clientId: string,
  parameters: PasswordGrantParameters,
): PasswordGrantRequest {
  return {
    grant_type: 'password',
    client_id: clientId,
    username: parameters.username,
    password: parameters.password,
    response_type: parameters.responseType ?? DEFAULT_RESPONSE_TYPE,
    ...(parameters.scope !== undefined ? { scope: parameters.scope } : {}),
    ...(parameters.resource !== undefined ? { resource: parameters.resource } : {}),
  };
}

/** Builds the refresh grant request (RFC 6749 §6) with B2C's parameters. */
export function refreshTokenGrantRequest(
  clientId: string,
  parameters: RefreshTokenGrantParameters,
): RefreshTokenGrantRequest {
  return {
    grant_type: 'refresh_token',
    client_id: clientId,
    refresh_token: parameters.refreshToken,
    response_type: parameters.responseType ?? DEFAULT_RESPONSE_TYPE,
    ...(parameters.scope !== undefined ? { scope: parameters.scope } : {}),
    ...(parameters.resource !== undefined ? { resource: parameters.resource } : {}),
  };
}

async function grant(
  options: TokenClientOptions,
  request: TokenRequest,
  callOptions: TokenCallOptions,
): Promise<TokenSet> {
  const requestedAt = (options.now ?? Date.now)();
  const response = await tokenEndpointRequest(options, request, callOptions);
  return toTokenSet(await processTokenResponse(response), requestedAt);
}

/**
 * Exchanges a username and password for tokens. The password is sent once, in the request body,
 * and is never logged, kept or put into an error.
 *
 * @throws ResponseBodyError, NonConformingResponseError or NetworkError
 */
export function passwordGrant(
  options: TokenClientOptions,
  parameters: PasswordGrantParameters,
  callOptions: TokenCallOptions = {},
): Promise<TokenSet> {
  return grant(options, passwordGrantRequest(options.clientId, parameters), callOptions);
}

/**
 * Redeems a refresh token. The answer carries a new refresh token that replaces the old one.
 *
 * @throws ResponseBodyError, NonConformingResponseError or NetworkError
 */
export function refreshTokenGrant(
  options: TokenClientOptions,
  parameters: RefreshTokenGrantParameters,
  callOptions: TokenCallOptions = {},
): Promise<TokenSet> {
  return grant(options, refreshTokenGrantRequest(options.clientId, parameters), callOptions);
}
