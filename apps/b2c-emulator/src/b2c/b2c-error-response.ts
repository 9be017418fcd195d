import type { HttpResponseInit } from '@azure/functions';
import { createErrorResponseBody } from '@ropc/protocol';
import type { B2CError } from './b2c-error';
import { JSON_HEADERS } from './response-headers';

/**
 * Writes a B2CError as B2C does: its status, exactly `error` and `error_description`, and
 * the correlation id that the log line for the request also carries.
 */
export function b2cErrorResponse(
  error: B2CError,
  correlationId: string,
  now: number,
  extraHeaders: Readonly<Record<string, string>> = {},
): HttpResponseInit {
  return {
    status: error.status,
    headers: { ...JSON_HEADERS, ...error.headers, ...extraHeaders },
    jsonBody: createErrorResponseBody({
      code: error.b2cCode,
      message: error.message,
      error: error.error,
      correlationId,
      timestamp: new Date(now),
    }),
  };
}
