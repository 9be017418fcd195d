import { decodeBase64UrlText } from '../oauth/base64url';
import { decodeClientInfo } from './client-info';
import { problem, type SuccessParseResult } from './response-problem';

/**
 * A token answer of `oauth2/v2.0/token` (docs/entra-native-auth-protocol.md §3.4), checked as
 * MSAL's custom-auth client checks it — it refuses an answer without any of the three tokens,
 * a positive `expires_in`, `token_type` exactly `Bearer` and `client_info` — plus what MSAL's
 * account cache then needs: an id token whose payload is JSON, and a `client_info` that decodes.
 * Signatures and claims are not checked: that is the resource server's job.
 */
export interface NativeAuthTokenResponse {
  readonly token_type: 'Bearer';
  /** The scopes granted; MSAL files the access token under them. */
  readonly scope?: string;
  /** Seconds; a numeric string is accepted and made a number. */
  readonly expires_in: number;
  readonly ext_expires_in?: number;
  readonly access_token: string;
  readonly refresh_token: string;
  readonly id_token: string;
  /** See client-info.ts. */
  readonly client_info: string;
  readonly refresh_token_expires_in?: number;
}

type Body = Readonly<Record<string, unknown>>;

const text = (body: Body, name: string): string | undefined => {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const seconds = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : undefined;
};

function hasJsonPayload(jwt: string): boolean {
  const parts = jwt.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return false;
  try {
    const payload: unknown = JSON.parse(decodeBase64UrlText(parts[1]));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  } catch {
    return false;
  }
}

const optionalSeconds = (body: Body, name: string): Record<string, number> => {
  const value = seconds(body[name]);
  return value === undefined ? {} : { [name]: value };
};

/**
 * A token answer through a sign-in proxy that keeps the refresh token itself (in an HttpOnly
 * cookie, as this product's proxy does in cookie mode): the same answer without `refresh_token`,
 * `refresh_token_expires_in` kept so that the client knows when its session ends.
 */
export type ProxiedNativeAuthTokenResponse = Omit<NativeAuthTokenResponse, 'refresh_token'>;

/** Checks a token answer, in MSAL's order of checks, then the id token's and client_info's shape. */
export function parseNativeAuthTokenResponse(
  body: Body,
): SuccessParseResult<NativeAuthTokenResponse> {
  // MSAL looks for the refresh token right after the access and id tokens: same order of problems.
  const refreshToken = text(body, 'refresh_token');
  const tokensThere =
    text(body, 'access_token') !== undefined && text(body, 'id_token') !== undefined;
  if (tokensThere && refreshToken === undefined) return problem('refresh_token_missing');
  const parsed = parseProxiedNativeAuthTokenResponse(body);
  if (!parsed.ok) return parsed;
  return refreshToken === undefined
    ? problem('refresh_token_missing')
    : { ok: true, body: { ...parsed.body, refresh_token: refreshToken } };
}

/**
 * Checks a token answer of a proxy that kept the refresh token: every check of
 * {@link parseNativeAuthTokenResponse} but the refresh token's. A `refresh_token` the answer
 * carries all the same is dropped, so that nothing downstream keeps it by mistake.
 */
export function parseProxiedNativeAuthTokenResponse(
  body: Body,
): SuccessParseResult<ProxiedNativeAuthTokenResponse> {
  const [accessToken, idToken] = [text(body, 'access_token'), text(body, 'id_token')];
  if (accessToken === undefined) return problem('access_token_missing');
  if (idToken === undefined) return problem('id_token_missing');
  const expiresIn = seconds(body['expires_in']);
  if (expiresIn === undefined || expiresIn <= 0) return problem('invalid_expires_in');
  if (body['token_type'] !== 'Bearer') return problem('invalid_token_type');
  const clientInfo = text(body, 'client_info');
  if (clientInfo === undefined) return problem('client_info_missing');
  if (!hasJsonPayload(idToken)) return problem('invalid_id_token');
  if (decodeClientInfo(clientInfo) === undefined) return problem('invalid_client_info');
  const scope = text(body, 'scope');
  return {
    ok: true,
    body: {
      token_type: 'Bearer',
      ...(scope === undefined ? {} : { scope }),
      expires_in: expiresIn,
      ...optionalSeconds(body, 'ext_expires_in'),
      access_token: accessToken,
      id_token: idToken,
      client_info: clientInfo,
      ...optionalSeconds(body, 'refresh_token_expires_in'),
    },
  };
}
