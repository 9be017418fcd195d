/**
 * An OAuth error body (RFC 6749 §5.2) as this library reads it: `error` and `error_description`,
 * both strings. B2C sends exactly these two fields (docs/b2c-ropc-protocol.md §4.1); the layout
 * of its `error_description` is read and written by b2c/error-response.ts and
 * b2c/error-response-writer.ts.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export interface ErrorResponseBody {
  readonly error: string;
  readonly error_description: string;
  /**
   * Not OAuth's: the sign-in proxy's reason for a 429 it answered itself — `account_protected`
   * (sign-in to this account from a new device is paused) or `throttled`.
   */
  readonly reason?: ProxyRefusalReason;
}

/** Why the sign-in proxy refused an attempt itself (the `reason` of its 429 bodies). */
export type ProxyRefusalReason = 'throttled' | 'account_protected';

/** True when `value` has the error shape: string `error` and string `error_description`. */
export function isErrorResponseBody(value: unknown): value is ErrorResponseBody {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['error'] === 'string' && typeof record['error_description'] === 'string';
}
