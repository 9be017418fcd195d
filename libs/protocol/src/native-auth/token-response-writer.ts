import { decodeBase64UrlText } from '../oauth/base64url';
import { encodeClientInfo, type ClientInfo } from './client-info';
import { requireText } from './require-text';
import { parseNativeAuthTokenResponse, type NativeAuthTokenResponse } from './token-response';

/**
 * Writing the token endpoint's success answer (docs/entra-native-auth-protocol.md §3.4, §8), the
 * server side of `parseNativeAuthTokenResponse`: the written body goes through that check before
 * it is returned, so an answer MSAL would refuse is never written.
 */

/** What {@link createNativeAuthTokenResponse} needs. */
export interface NativeAuthTokenResponseOptions {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** A JWT whose payload is JSON; its `oid` and `tid`, when present, must be `clientInfo`'s. */
  readonly idToken: string;
  /** The user's object id and the tenant id, written base64url without padding (§8, §10). */
  readonly clientInfo: ClientInfo;
  /** The scopes granted, space-separated; MSAL files the access token under them. */
  readonly scope: string;
  /** The access token's lifetime in whole seconds, at least 1. */
  readonly expiresIn: number;
  readonly extExpiresIn?: number;
  readonly refreshTokenExpiresIn?: number;
}

function requireSeconds(value: number, parameter: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`${parameter} must be a whole number of seconds, at least 1`);
  return value;
}

const optionalSeconds = (name: string, value: number | undefined, parameter: string) =>
  value === undefined ? {} : { [name]: requireSeconds(value, parameter) };

// §8: MSAL files the account under client_info's `{uid}.{utid}` and reads the user from the id
// token; when they name different users, the tokens land under the wrong account.
function checkSameUser(idToken: string, { uid, utid }: ClientInfo): void {
  const payload = idToken.split('.')[1] ?? '';
  const claims = JSON.parse(decodeBase64UrlText(payload)) as Readonly<Record<string, unknown>>;
  const { oid, tid } = claims;
  if ((typeof oid === 'string' && oid !== uid) || (typeof tid === 'string' && tid !== utid))
    throw new TypeError("clientInfo must name the id token's oid and tid");
}

/**
 * Writes a token answer: `token_type` `Bearer`, `scope`, `expires_in`, [`ext_expires_in`],
 * [`refresh_token_expires_in`], `access_token`, `refresh_token`, `id_token`, `client_info` — the
 * published example's order, with `client_info` (which that example lacks and MSAL requires)
 * last. Throws a TypeError when the reading check would refuse the answer (an id token without a
 * JSON payload, say), for a lifetime that is not a positive whole number of seconds, and when
 * `clientInfo` names another user than the id token.
 */
export function createNativeAuthTokenResponse(
  options: NativeAuthTokenResponseOptions,
): NativeAuthTokenResponse {
  const { uid, utid } = options.clientInfo;
  requireText(uid, 'clientInfo.uid');
  requireText(utid, 'clientInfo.utid');
  const body: NativeAuthTokenResponse = {
    token_type: 'Bearer',
    scope: requireText(options.scope, 'scope'),
    expires_in: requireSeconds(options.expiresIn, 'expiresIn'),
    ...optionalSeconds('ext_expires_in', options.extExpiresIn, 'extExpiresIn'),
    ...optionalSeconds(
      'refresh_token_expires_in',
      options.refreshTokenExpiresIn,
      'refreshTokenExpiresIn',
    ),
    access_token: requireText(options.accessToken, 'accessToken'),
    refresh_token: requireText(options.refreshToken, 'refreshToken'),
    id_token: requireText(options.idToken, 'idToken'),
    client_info: encodeClientInfo({ uid, utid }),
  };
  const checked = parseNativeAuthTokenResponse({ ...body });
  if (!checked.ok) throw new TypeError(`the token answer would be refused: ${checked.problem}`);
  checkSameUser(body.id_token, { uid, utid });
  return body;
}
