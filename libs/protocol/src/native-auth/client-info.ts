import { decodeBase64UrlText, encodeBase64UrlText } from '../oauth/base64url';

/**
 * `client_info` (docs/entra-native-auth-protocol.md §8): base64 of `{"uid":"…","utid":"…"}`,
 * the user's object id and tenant id. The token endpoint returns it because the request asks with
 * `client_info=1`; MSAL files the account under `{uid}.{utid}`, so it must name the same user as
 * the id token's `oid` and `tid`.
 */
export interface ClientInfo {
  /** The user's object id. */
  readonly uid: string;
  /** The tenant id. */
  readonly utid: string;
}

/** Longer than any real `client_info`; refused before decoding. */
const MAX_ENCODED_LENGTH = 1024;

/** Encodes `client_info` as base64url without padding. */
export function encodeClientInfo(info: ClientInfo): string {
  return encodeBase64UrlText(JSON.stringify({ uid: info.uid, utid: info.utid }));
}

/**
 * Decodes `client_info` written in either base64 alphabet, padded or not (MSAL reads both).
 * Returns undefined unless it is a JSON object with string `uid` and `utid`; other members are
 * dropped.
 */
export function decodeClientInfo(encoded: string): ClientInfo | undefined {
  if (encoded.length > MAX_ENCODED_LENGTH) return undefined;
  try {
    const value: unknown = JSON.parse(
      decodeBase64UrlText(encoded.replace(/\+/g, '-').replace(/\//g, '_')),
    );
    if (typeof value !== 'object' || value === null) return undefined;
    const { uid, utid } = value as Record<string, unknown>;
    return typeof uid === 'string' && typeof utid === 'string' ? { uid, utid } : undefined;
  } catch {
    return undefined;
  }
}
