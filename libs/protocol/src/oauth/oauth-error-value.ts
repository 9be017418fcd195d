/**
 * The OAuth `error` values this library writes: the token endpoint's of RFC 6749 §5.2, and
 * `access_denied`, `unsupported_response_type`, `server_error` and `temporarily_unavailable` of
 * §4.1.2.1, which B2C's token endpoint answers with as well (docs/b2c-ropc-protocol.md §4).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export type OAuthErrorValue =
  | 'access_denied'
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'server_error'
  | 'temporarily_unavailable';
