import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { StorageFailureAnswer } from '@ropc/functions-edge';
import type { StorageError } from '@ropc/table-storage';
import { runningEmulator } from '../emulator-instance';
import { B2CError } from './b2c-error';
import { b2cErrorResponse } from './b2c-error-response';
import { corsHeaders, type CorsEndpoint } from './cors';

/**
 * The B2C endpoints' answer to a storage failure: AADB2C90035, B2C's own code for "The service is
 * temporarily unavailable. Please retry after a few minutes.", as `temporarily_unavailable` with
 * 503 (B2C's wire answer during an outage is undocumented; this is the registry's listed code for
 * it, in the two-field shape every other error has, with the correlation id of the log line).
 */
function b2cUnavailable(
  endpoint: CorsEndpoint,
  error: StorageError,
  request: HttpRequest,
  correlationId: string,
): HttpResponseInit {
  const emulator = runningEmulator();
  const cors = emulator ? corsHeaders(request, endpoint, emulator.config.cors) : {};
  const answer = new B2CError('AADB2C90035', [], {
    headers: { 'Retry-After': String(error.retryAfterSeconds) },
  });
  return b2cErrorResponse(answer, correlationId, emulator?.clock.now() ?? Date.now(), cors);
}

/** The token endpoint's storage-failure answer (with the token endpoint's CORS headers). */
export const tokenStorageFailure: StorageFailureAnswer = (error, request, correlationId) =>
  b2cUnavailable('token', error, request, correlationId);

/** Discovery's and JWKS's storage-failure answer (with the metadata CORS headers). */
export const metadataStorageFailure: StorageFailureAnswer = (error, request, correlationId) =>
  b2cUnavailable('metadata', error, request, correlationId);
