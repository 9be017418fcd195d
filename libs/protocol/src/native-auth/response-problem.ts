/**
 * What can be wrong with an answer that is neither a usable success nor an error body. The names
 * follow the client-side error codes of MSAL's custom-auth client where it has one
 * (docs/entra-native-auth-protocol.md §7.4), so a log line means the same in both.
 */
export type NativeAuthResponseProblem =
  /** The body passed the size limit. */
  | 'body_too_large'
  /** The body is not JSON (or not UTF-8): a proxy's HTML page, an empty 404, … */
  | 'not_json'
  /** A success whose JSON is not an object. */
  | 'not_an_object'
  /** A non-2xx JSON answer without a string `error`. */
  | 'not_an_error_body'
  | 'continuation_token_missing'
  /** A challenge answered with a type this step cannot go on with. */
  | 'unsupported_challenge_type'
  | 'access_token_missing'
  | 'id_token_missing'
  | 'refresh_token_missing'
  | 'invalid_expires_in'
  | 'invalid_token_type'
  | 'client_info_missing'
  /** `id_token` is not three dot-separated parts with a base64url JSON payload. */
  | 'invalid_id_token'
  /** `client_info` does not decode to `{ uid, utid }`. */
  | 'invalid_client_info'
  | 'invalid_poll_status'
  /** Introspect's `methods` is not a list of methods. */
  | 'invalid_methods';

/** The outcome of checking a success body. */
export type SuccessParseResult<T> =
  | { readonly ok: true; readonly body: T }
  | { readonly ok: false; readonly problem: NativeAuthResponseProblem };

/** Checks a 2xx JSON object body and types it, or names what is wrong. Never throws. */
export type SuccessParser<T> = (body: Readonly<Record<string, unknown>>) => SuccessParseResult<T>;

/** A failed check. */
export const problem = (name: NativeAuthResponseProblem): SuccessParseResult<never> => ({
  ok: false,
  problem: name,
});
