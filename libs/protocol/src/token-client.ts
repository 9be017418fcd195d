import { FORM_CONTENT_TYPE, encodeTokenRequest } from './form-codec';
import { NetworkError } from './errors';
import { processTokenResponse } from './token-response';
import { toTokenSet, type TokenSet } from './token-set';
import type { PasswordGrantRequest, RefreshTokenGrantRequest, TokenRequest } from './token-request';

/** How to reach a token endpoint. */
export interface TokenClientOptions {
  /** A B2C policy token URL, or a sign-in proxy's `/api/auth/token`. */
  readonly tokenEndpoint: string;
  readonly clientId: string;
  /** Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Per request; default 10 s. */
  readonly timeoutMs?: number;
  /** Epoch milliseconds; injectable for tests. */
  readonly now?: () => number;
  /** Extra request headers, e.g. the proxy's `X-Requested-With`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Fetch credentials mode, e.g. `same-origin` for a proxy's session cookie. */
  readonly credentials?: RequestCredentials;
}

/** Per-call options. */
export interface TokenCallOptions {
  readonly signal?: AbortSignal;
}

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

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RESPONSE_TYPE = 'token id_token';

/**
 * Sends a token request and returns the raw answer. Failing to get an answer throws a
 * {@link NetworkError} (`ERR_NETWORK`, `ERR_TIMEOUT` or `ERR_ABORTED`) whose message holds no
 * request content. Use {@link processTokenResponse} on the result.
 */
export async function tokenEndpointRequest(
  options: TokenClientOptions,
  request: TokenRequest,
  callOptions: TokenCallOptions = {},
): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
  const doFetch = options.fetch ?? fetch;
  try {
    return await doFetch(options.tokenEndpoint, {
      method: 'POST',
      headers: {
        ...options.headers,
        'Content-Type': FORM_CONTENT_TYPE,
        Accept: 'application/json',
      },
      body: encodeTokenRequest(request),
      signal,
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  } catch {
    if (callOptions.signal?.aborted)
      throw new NetworkError('ERR_ABORTED', 'the token request was aborted');
    if (timeout.aborted)
      throw new NetworkError('ERR_TIMEOUT', 'the token endpoint did not answer in time');
    throw new NetworkError('ERR_NETWORK', 'the token endpoint could not be reached');
  }
}

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
