import type { HttpResponseInit, PostInvocationContext } from '@azure/functions';
import { isStorageError, type StorageError } from '@ropc/table-storage';
import { proxyErrorResponse } from '../proxy/proxy-error';
import { problemDetails, problemResponse, type ProblemDetails } from './problem-details';

/** The sign-in proxy's functions are named `auth-*`; they answer in B2C's error shape. */
const PROXY_FUNCTION_PREFIX = 'auth-';

const STORAGE_PROBLEMS: Readonly<Record<StorageError['code'], ProblemDetails>> = {
  storage_unavailable: problemDetails(503, 'The API’s storage is unavailable; try again later'),
  storage_contention: problemDetails(503, 'Too many changes at once; try again'),
};

/**
 * postInvocation hook: the one place where a failure of the shared state becomes an answer. A
 * {@link StorageError} escaping an HTTP function is answered with 503, `Retry-After` and
 * `Cache-Control: no-store` — in B2C's error shape on the sign-in proxy, as a problem details
 * body elsewhere — instead of a 500, with one log line. The line is the error's message, which
 * names the operation and the table; the cause is left out (it may hold request URLs).
 */
export function answerStorageFailure(context: PostInvocationContext): void {
  const { error, invocationContext } = context;
  const trigger = invocationContext.options.trigger.type.toLowerCase();
  if (trigger !== 'httptrigger' || !isStorageError(error)) return;
  invocationContext.warn(`answered 503: ${error.message}`);
  context.error = null;
  context.result = storageFailureResponse(error, invocationContext.functionName);
}

function storageFailureResponse(error: StorageError, functionName: string): HttpResponseInit {
  const { retryAfterSeconds } = error;
  if (functionName.startsWith(PROXY_FUNCTION_PREFIX)) {
    return proxyErrorResponse({ kind: 'storage_unavailable', retryAfterSeconds });
  }
  return problemResponse(STORAGE_PROBLEMS[error.code], {
    'Retry-After': String(retryAfterSeconds),
  });
}
