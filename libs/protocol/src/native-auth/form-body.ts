import { parseFormBody } from '../oauth/form-codec';

/**
 * The form bodies of native authentication requests (docs/entra-native-auth-protocol.md §2.1):
 * `application/x-www-form-urlencoded`, written with `URLSearchParams` as MSAL writes them (spaces
 * as `+`, JSON values percent-encoded), fields in the order the request object lists them.
 */

/**
 * Encodes a request object — one of this part's builders' outputs, or any object of wire names to
 * strings — keeping its key order (`client_id` first in every builder's output). Undefined fields
 * are left out.
 *
 * @throws TypeError on a field that is neither a string nor undefined.
 */
export function encodeNativeAuthBody(body: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(body) as [string, unknown][]) {
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new TypeError('request fields must be strings');
    params.append(name, value);
  }
  return params.toString();
}

/** Why a request body was refused. */
export type NativeAuthBodyErrorCode = 'body_too_large' | 'invalid_encoding' | 'duplicate_parameter';

/** The outcome of {@link decodeNativeAuthBody}. */
export type DecodeNativeAuthBodyResult =
  | { readonly ok: true; readonly fields: ReadonlyMap<string, string> }
  | {
      readonly ok: false;
      readonly error: { readonly code: NativeAuthBodyErrorCode; readonly parameter?: string };
    };

/** Limits of {@link decodeNativeAuthBody}. */
export interface DecodeNativeAuthBodyOptions {
  /** Bodies longer than this many bytes are refused before decoding. Default 16 KiB. */
  readonly maxBytes?: number;
}

/**
 * Decodes a request body as a server reads it, with the OAuth part's strict form parser: invalid
 * UTF-8 is refused rather than replaced, a repeated name is refused (naming it), and empty values
 * count as absent. Which fields an endpoint needs is the server's next check.
 */
export function decodeNativeAuthBody(
  body: Uint8Array | string,
  options: DecodeNativeAuthBodyOptions = {},
): DecodeNativeAuthBodyResult {
  const size =
    typeof body === 'string' ? new TextEncoder().encode(body).byteLength : body.byteLength;
  if (size > (options.maxBytes ?? 16 * 1024))
    return { ok: false, error: { code: 'body_too_large' } };
  const parsed = parseFormBody(body);
  if (!parsed) return { ok: false, error: { code: 'invalid_encoding' } };
  const [duplicate] = parsed.duplicates;
  if (duplicate !== undefined)
    return { ok: false, error: { code: 'duplicate_parameter', parameter: duplicate } };
  return { ok: true, fields: parsed.fields };
}
