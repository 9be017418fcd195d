import { isErrorResponseBody, type ErrorResponseBody } from './error-response-body';
import { NonConformingResponseError, type RopcError } from './errors';

/**
 * A numeric field as it may arrive: a number, or a numeric string as in older B2C samples
 * (docs/b2c-ropc-protocol.md §3).
 */
export type WireNumber = number | string;

/**
 * A successful token response as it arrives on the wire: RFC 6749 §5.1's fields, OpenID Connect's
 * `id_token`, and those B2C adds (`not_before`, `expires_on`, `resource`, `id_token_expires_in`,
 * `profile_info`, `refresh_token_expires_in`; docs/b2c-ropc-protocol.md §3).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export interface TokenResponseBody {
  readonly access_token?: string;
  readonly token_type: string;
  readonly expires_in?: WireNumber;
  readonly not_before?: WireNumber;
  readonly expires_on?: WireNumber;
  readonly resource?: string;
  readonly id_token?: string;
  readonly id_token_expires_in?: WireNumber;
  /** base64url JSON; see `decodeProfileInfo`. */
  readonly profile_info?: string;
  readonly refresh_token?: string;
  readonly refresh_token_expires_in?: WireNumber;
  readonly scope?: string;
}

/** A token response with every numeric field normalised to a number. */
export interface TokenResponse {
  readonly access_token?: string;
  readonly token_type: string;
  /** Access-token lifetime in seconds. */
  readonly expires_in?: number;
  /** Epoch seconds. */
  readonly not_before?: number;
  /** Epoch seconds. */
  readonly expires_on?: number;
  readonly resource?: string;
  readonly id_token?: string;
  readonly id_token_expires_in?: number;
  readonly profile_info?: string;
  readonly refresh_token?: string;
  readonly refresh_token_expires_in?: number;
  readonly scope?: string;
}

const NUMERIC_FIELDS = [
  'expires_in',
  'not_before',
  'expires_on',
  'id_token_expires_in',
  'refresh_token_expires_in',
] as const;
const STRING_FIELDS = [
  'access_token',
  'token_type',
  'resource',
  'id_token',
  'profile_info',
  'refresh_token',
  'scope',
] as const;

function toNumber(field: string, value: unknown): number {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
    throw new NonConformingResponseError(200, `"${field}" is not a non-negative number`);
  }
  return number;
}

/**
 * Checks a parsed JSON success body and normalises it. Requires `token_type` Bearer and at least
 * one of `access_token` and `id_token`. Does not validate token signatures or claims: that is
 * the resource server's job (`@ropc/token-validation`), and a public client cannot do it alone.
 *
 * @throws NonConformingResponseError when the body is not a token response.
 */
export function normaliseTokenResponse(body: unknown): TokenResponse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new NonConformingResponseError(200, 'the token response is not a JSON object');
  }
  const record = body as Record<string, unknown>;
  const result: Record<string, string | number> = {};
  for (const field of STRING_FIELDS) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string')
      throw new NonConformingResponseError(200, `"${field}" is not a string`);
    result[field] = value;
  }
  for (const field of NUMERIC_FIELDS) {
    const value = record[field];
    if (value !== undefined && value !== null) result[field] = toNumber(field, value);
  }
  if (typeof result['token_type'] !== 'string' || result['token_type'].toLowerCase() !== 'bearer') {
    throw new NonConformingResponseError(200, 'the token response has no Bearer "token_type"');
  }
  if (result['access_token'] === undefined && result['id_token'] === undefined) {
    throw new NonConformingResponseError(
      200,
      'the token response has neither an access token nor an id token',
    );
  }
  return result as unknown as TokenResponse;
}

/** Parses a `Retry-After` header given in seconds or as an HTTP date. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Builds the error an authority kind throws for an OAuth error body answered with `status`;
 * `retryAfterSeconds` comes from a `Retry-After` header. B2C's is `ResponseBodyError`.
 */
export type ErrorBodyReader = (
  status: number,
  body: ErrorResponseBody,
  retryAfterSeconds: number | undefined,
) => RopcError;

/**
 * The most a token endpoint's answer may hold: three tokens of a few kB each are far below it; a
 * larger body is not a token response. Servers reading an authority's answers (the sign-in proxy)
 * stop there rather than let a broken or hostile authority fill their memory.
 */
export const MAX_TOKEN_RESPONSE_BYTES = 256 * 1024;

/**
 * Checks a token endpoint's answer: a 200 becomes a normalised {@link TokenResponse}; an OAuth
 * error body becomes the error `readErrorBody` builds; anything else a {@link
 * NonConformingResponseError}. Each authority kind passes its own reader (B2C:
 * `processTokenResponse`).
 */
export async function processTokenEndpointResponse(
  response: Response,
  readErrorBody: ErrorBodyReader,
): Promise<TokenResponse> {
  // Read whole: in a browser, reading it as a stream hides the body from DevTools and the
  // browser tests' network view; the sign-in proxy reads the authority's answers bounded
  // (MAX_TOKEN_RESPONSE_BYTES), and the web client talks to that proxy.
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.status === 200) {
    if (body === undefined)
      throw new NonConformingResponseError(200, 'the token response is not JSON');
    return normaliseTokenResponse(body);
  }
  if (response.status >= 400 && isErrorResponseBody(body)) {
    throw readErrorBody(
      response.status,
      body,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  throw new NonConformingResponseError(
    response.status,
    `unexpected answer from the token endpoint (HTTP ${response.status})`,
  );
}
