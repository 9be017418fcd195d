import type { StorageFailureAnswer } from '@ropc/functions-edge';
import { proxyErrorResponse } from './proxy-error';

/**
 * The sign-in proxy's storage-failure answer: B2C's error shape (what its clients parse), 503 with
 * Retry-After and the correlation id of the log line.
 */
export const proxyStorageFailure: StorageFailureAnswer = (error, _request, correlationId) =>
  proxyErrorResponse(
    { kind: 'storage_unavailable', retryAfterSeconds: error.retryAfterSeconds },
    correlationId,
  );
