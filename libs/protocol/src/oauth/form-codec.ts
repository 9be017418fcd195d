import {
  REQUIRED_PARAMETERS,
  TOKEN_REQUEST_PARAMETERS,
  type GrantType,
  type TokenRequest,
  type TokenRequestParameter,
} from './token-request';

/** The form media type of token requests (RFC 6749 §4.3.2). */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Why a form body could not become a token request. */
export type FormDecodeErrorCode =
  | 'invalid_encoding'
  | 'missing_parameter'
  | 'duplicate_parameter'
  | 'unsupported_grant_type'
  | 'body_too_large';

/** A typed decode failure naming the parameter at fault. Never holds a parameter's value. */
export interface FormDecodeError {
  readonly code: FormDecodeErrorCode;
  /** The parameter at fault, when there is one. */
  readonly parameter?: TokenRequestParameter;
  /** For `unsupported_grant_type`: the grant type sent (not a secret). */
  readonly grantType?: string;
}

/** The outcome of {@link decodeTokenRequest}. */
export type DecodeTokenRequestResult =
  | { readonly ok: true; readonly request: TokenRequest }
  | { readonly ok: false; readonly error: FormDecodeError };

/** Options of {@link decodeTokenRequest}. */
export interface DecodeTokenRequestOptions {
  /** Bodies longer than this many bytes are refused before decoding. Default 16 KiB. */
  readonly maxBytes?: number;
  /**
   * Values for parameters the body lacks, e.g. the `client_id` a sign-in proxy adds. A value in
   * the body wins.
   */
  readonly defaults?: Readonly<Partial<Record<TokenRequestParameter, string>>>;
}

/**
 * Encodes a token request as `application/x-www-form-urlencoded`; undefined fields are left out.
 */
export function encodeTokenRequest(request: TokenRequest): string {
  const params = new URLSearchParams();
  const fields = request as unknown as Partial<Record<TokenRequestParameter, string>>;
  for (const name of TOKEN_REQUEST_PARAMETERS) {
    const value = fields[name];
    if (value !== undefined) params.append(name, value);
  }
  return params.toString();
}

/**
 * Parses a form body strictly: invalid UTF-8 (raw or percent-encoded) is an error rather than
 * U+FFFD, and a repeated name is reported as a duplicate. Empty values count as absent
 * (RFC 6749 §3.1). Returns undefined on a decoding failure; repeated names are listed in
 * `duplicates` (the last value wins in `fields`).
 */
export function parseFormBody(
  body: Uint8Array | string,
): { fields: Map<string, string>; duplicates: string[] } | undefined {
  let text: string;
  try {
    text = typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
  const fields = new Map<string, string>();
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const rawName = separator === -1 ? pair : pair.slice(0, separator);
    const rawValue = separator === -1 ? '' : pair.slice(separator + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      return undefined;
    }
    if (seen.has(name)) duplicates.push(name);
    seen.add(name);
    if (value !== '') fields.set(name, value);
  }
  return { fields, duplicates };
}

const isKnownParameter = (name: string): name is TokenRequestParameter =>
  (TOKEN_REQUEST_PARAMETERS as readonly string[]).includes(name);

/** Parameters of the other grant, dropped so each request type holds only its own fields. */
const FOREIGN_PARAMETERS: Readonly<Record<GrantType, readonly TokenRequestParameter[]>> = {
  password: ['refresh_token'],
  refresh_token: ['username', 'password'],
};

const isGrantType = (value: string): value is GrantType =>
  Object.hasOwn(REQUIRED_PARAMETERS, value);

/**
 * Decodes a raw form body into a typed token request, or a typed error naming the bad or missing
 * parameter. Unknown parameters are ignored, as RFC 6749 §3.2 requires; duplicated known ones are
 * refused. The emulator and the sign-in proxy both use this one parser.
 */
export function decodeTokenRequest(
  body: Uint8Array | string,
  options: DecodeTokenRequestOptions = {},
): DecodeTokenRequestResult {
  const maxBytes = options.maxBytes ?? 16 * 1024;
  const size =
    typeof body === 'string' ? new TextEncoder().encode(body).byteLength : body.byteLength;
  if (size > maxBytes) return { ok: false, error: { code: 'body_too_large' } };
  const parsed = parseFormBody(body);
  if (!parsed) return { ok: false, error: { code: 'invalid_encoding' } };
  for (const [name, value] of Object.entries(options.defaults ?? {})) {
    if (!parsed.fields.has(name) && value) parsed.fields.set(name, value);
  }
  const duplicate = parsed.duplicates.find(isKnownParameter);
  if (duplicate) return { ok: false, error: { code: 'duplicate_parameter', parameter: duplicate } };
  const grantType = parsed.fields.get('grant_type');
  if (grantType === undefined) {
    return { ok: false, error: { code: 'missing_parameter', parameter: 'grant_type' } };
  }
  if (!isGrantType(grantType)) {
    return {
      ok: false,
      error: { code: 'unsupported_grant_type', parameter: 'grant_type', grantType },
    };
  }
  const missing = REQUIRED_PARAMETERS[grantType].find((name) => !parsed.fields.has(name));
  if (missing) return { ok: false, error: { code: 'missing_parameter', parameter: missing } };
  const request: Partial<Record<TokenRequestParameter, string>> = {};
  for (const name of TOKEN_REQUEST_PARAMETERS) {
    if (FOREIGN_PARAMETERS[grantType].includes(name)) continue;
    const value = parsed.fields.get(name);
    if (value !== undefined) request[name] = value;
  }
  return { ok: true, request: request as unknown as TokenRequest };
}
