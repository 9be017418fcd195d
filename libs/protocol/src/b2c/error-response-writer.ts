import type { ErrorResponseBody } from '../oauth/error-response-body';
import type { OAuthErrorValue } from '../oauth/oauth-error-value';
import { formatUtcTimestamp } from '../oauth/utc-timestamp';
import type { B2CErrorCode } from './b2c-error-classes';
import { B2C_ERROR_CODES } from './b2c-error-codes';

/** Formats an instant the way B2C writes it in error descriptions: `yyyy-MM-dd HH:mm:ssZ` (UTC). */
export function formatB2CTimestamp(instant: Date): string {
  return formatUtcTimestamp(instant);
}

/**
 * B2C's `error_description` layout: the first line, `Correlation ID: guid`, `Timestamp: ...`,
 * each ended by `\r\n` (docs/b2c-ropc-protocol.md §4.1). The first line is `AADB2Cxxxxx: message`
 * for B2C's own errors; a relay without a code of its own (the sign-in proxy) writes a plain
 * sentence.
 */
export function formatErrorDescription(
  firstLine: string,
  correlationId: string,
  timestamp: Date,
): string {
  return `${firstLine}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${formatB2CTimestamp(timestamp)}\r\n`;
}

/** What {@link createErrorResponseBody} needs. */
export interface ErrorResponseBodyOptions {
  readonly code: B2CErrorCode;
  /** The filled message; defaults to the registry's message. */
  readonly message?: string;
  /** Defaults to the registry's `error` value for the code. */
  readonly error?: OAuthErrorValue;
  /** A GUID. */
  readonly correlationId: string;
  readonly timestamp: Date;
}

/** Writes B2C's error body for a code: exactly `error` and `error_description`. */
export function createErrorResponseBody(options: ErrorResponseBodyOptions): ErrorResponseBody {
  const entry = B2C_ERROR_CODES[options.code];
  const message = options.message ?? entry.message;
  return {
    error: options.error ?? entry.error,
    error_description: formatErrorDescription(
      `${options.code}: ${message}`,
      options.correlationId,
      options.timestamp,
    ),
  };
}
