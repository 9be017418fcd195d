import { HttpRequest, type HttpResponseInit, type PostInvocationContext } from '@azure/functions';
import { isStorageError, type StorageError } from '@ropc/table-storage';
import { randomUUID } from 'node:crypto';
import { runningEmulator } from '../emulator-instance';
import { b2cErrorResponse } from './b2c-error-response';
import { corsHeaders } from './cors';
import { EmulatorError } from './emulator-error';

/** The admin API's functions (`emulator-*`, `graph-*`) answer in Microsoft Graph's error shape. */
function isAdminFunction(name: string): boolean {
  return name.startsWith('emulator-') || name.startsWith('graph-');
}

/**
 * The B2C endpoints' answer: AADB2C90035, B2C's own code for "The service is temporarily
 * unavailable. Please retry after a few minutes.", as `temporarily_unavailable` with 503 (B2C's
 * wire answer during an outage is undocumented; this is the registry's listed code for it, in
 * the two-field shape every other error has, with a correlation id).
 */
function b2cUnavailable(
  error: StorageError,
  functionName: string,
  request: HttpRequest | undefined,
  correlationId: string,
): HttpResponseInit {
  const emulator = runningEmulator();
  const endpoint = functionName.startsWith('token') ? 'token' : 'metadata';
  const cors = request && emulator ? corsHeaders(request, endpoint, emulator.config.cors) : {};
  const answer = new EmulatorError('AADB2C90035', [], {
    headers: { 'Retry-After': String(error.retryAfterSeconds) },
  });
  return b2cErrorResponse(answer, correlationId, emulator?.clock.now() ?? Date.now(), cors);
}

/** The admin API's answer: Graph's `serviceNotAvailable`, in `adminError`'s shape. */
function adminUnavailable(error: StorageError): HttpResponseInit {
  const seconds = error.retryAfterSeconds;
  return {
    status: 503,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(seconds),
    },
    jsonBody: {
      error: {
        code: 'serviceNotAvailable',
        message: `The emulator's state storage is unavailable. Retry after ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      },
    },
  };
}

/**
 * The one place where a storage failure becomes an answer (registered as a postInvocation hook
 * in `main.ts`): a StorageError that escapes any HTTP function is replaced by a 503 with
 * `Retry-After` and `Cache-Control: no-store` — never a 500 — and logged in one line that names
 * the operation and table, never a key, value or connection string.
 */
export function answerStorageFailure(context: PostInvocationContext): void {
  const { error, invocationContext } = context;
  if (!isStorageError(error) || invocationContext.options.trigger.type !== 'httpTrigger') return;
  const name = invocationContext.functionName;
  const correlationId = randomUUID();
  const request = context.inputs[0] instanceof HttpRequest ? context.inputs[0] : undefined;
  context.error = null;
  context.result = isAdminFunction(name)
    ? adminUnavailable(error)
    : b2cUnavailable(error, name, request, correlationId);
  invocationContext.warn(
    `${name}: 503 ${error.code} (${error.message}) Retry-After=${error.retryAfterSeconds} correlationId=${correlationId}`,
  );
}
