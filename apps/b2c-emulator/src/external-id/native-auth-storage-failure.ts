import type { StorageFailureAnswer } from '@ropc/functions-edge';
import { createNativeAuthErrorBody } from '@ropc/protocol/native-auth';
import { runningEmulator } from '../emulator-instance';
import { REQUEST_ID_HEADER, nativeAuthCorsHeaders } from './native-auth-cors';

/**
 * Native authentication's answer to a storage failure: 503 `temporarily_unavailable` in the
 * native-auth envelope with Retry-After, its `trace_id` the log line's correlation id. The
 * service's own outage answer is not published.
 */
export const nativeAuthStorageFailure: StorageFailureAnswer = (error, request, correlationId) => {
  const emulator = runningEmulator();
  const cors = emulator ? nativeAuthCorsHeaders(request, emulator.config.cors) : {};
  return {
    status: 503,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(error.retryAfterSeconds),
      [REQUEST_ID_HEADER]: correlationId,
      ...cors,
    },
    jsonBody: createNativeAuthErrorBody({
      error: 'temporarily_unavailable',
      codes: [],
      message: 'The service is temporarily unavailable. Retry after the time in Retry-After.',
      traceId: correlationId,
      correlationId,
      timestamp: new Date(emulator?.clock.now() ?? Date.now()),
    }),
  };
};
