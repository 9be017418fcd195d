import type { TokenResponse } from './token-response';

/** A token response with absolute expiry times, as a client keeps it. */
export interface TokenSet {
  readonly tokenType: string;
  readonly accessToken?: string;
  readonly idToken?: string;
  /** Opaque. Absent when the response had none (no offline_access, or a sign-in proxy kept it). */
  readonly refreshToken?: string;
  readonly scope?: string;
  readonly resource?: string;
  readonly profileInfo?: string;
  /** Epoch milliseconds. */
  readonly accessTokenExpiresAt?: number;
  /** Epoch milliseconds. */
  readonly idTokenExpiresAt?: number;
  /** Epoch milliseconds: when the session ends unless refreshed. */
  readonly refreshTokenExpiresAt?: number;
}

/**
 * Turns a response into a token set. Relative lifetimes count from `requestedAt` — the moment the
 * request was sent, not when the answer arrived — so that expiry is never later than the server's.
 * `expires_on` is preferred for the access token when present.
 */
export function toTokenSet(response: TokenResponse, requestedAt: number): TokenSet {
  const at = (seconds: number | undefined): number | undefined =>
    seconds === undefined ? undefined : requestedAt + seconds * 1000;
  const accessTokenExpiresAt =
    response.access_token === undefined
      ? undefined
      : response.expires_on !== undefined
        ? Math.min(response.expires_on * 1000, at(response.expires_in) ?? Infinity)
        : at(response.expires_in);
  const entries: [keyof TokenSet, string | number | undefined][] = [
    ['tokenType', response.token_type],
    ['accessToken', response.access_token],
    ['idToken', response.id_token],
    ['refreshToken', response.refresh_token],
    ['scope', response.scope],
    ['resource', response.resource],
    ['profileInfo', response.profile_info],
    ['accessTokenExpiresAt', accessTokenExpiresAt],
    [
      'idTokenExpiresAt',
      at(response.id_token_expires_in ?? (response.id_token ? response.expires_in : undefined)),
    ],
    ['refreshTokenExpiresAt', at(response.refresh_token_expires_in)],
  ];
  return Object.fromEntries(
    entries.filter(([, value]) => value !== undefined),
  ) as unknown as TokenSet;
}
