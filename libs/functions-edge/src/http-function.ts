import {
  app,
  type HttpHandler,
  type HttpMethod,
  type HttpRequest,
  type HttpResponseInit,
} from '@azure/functions';
import { isStorageError, type StorageError } from '@ropc/table-storage';
import { randomUUID } from 'node:crypto';

/**
 * A function's answer when the shared state fails under it, in that function's own error shape
 * (a 503 with `Retry-After`, never cached). `correlationId` is also on the log line, so a shape
 * that carries one ties the answer to the log.
 */
export type StorageFailureAnswer = (
  error: StorageError,
  request: HttpRequest,
  correlationId: string,
) => HttpResponseInit;

/** An HTTP function as both apps register it. */
export interface HttpFunctionOptions {
  /** The route under the app's `routePrefix`, with `{parameters}`. */
  readonly route: string;
  readonly methods: readonly HttpMethod[];
  readonly handler: HttpHandler;
  /**
   * How this function answers a storage failure. Chosen here, where the function is registered,
   * so that renaming a function can never change the shape of its errors.
   */
  readonly storageFailure: StorageFailureAnswer;
}

/**
 * Wraps `handler` so that a {@link StorageError} escaping it becomes `storageFailure`'s 503 with
 * one warning line — the error's message (it names the operation and the table), its code and
 * `Retry-After`; never the cause, which may hold request URLs — instead of a 500. Any other error
 * goes on to the host.
 */
export function answeringStorageFailures(
  handler: HttpHandler,
  storageFailure: StorageFailureAnswer,
): HttpHandler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (!isStorageError(error)) throw error;
      const correlationId = randomUUID();
      context.warn(
        `answered 503: ${error.message} (503 ${error.code} Retry-After=${error.retryAfterSeconds} correlationId=${correlationId})`,
      );
      return storageFailure(error, request, correlationId);
    }
  };
}

/**
 * Registers an anonymous HTTP function (the apps check their own credentials: tokens, cookies,
 * the admin key) with its storage-failure answer. Function names are kebab-case in both apps.
 */
export function registerHttpFunction(name: string, options: HttpFunctionOptions): void {
  app.http(name, {
    route: options.route,
    methods: [...options.methods],
    authLevel: 'anonymous',
    handler: answeringStorageFailures(options.handler, options.storageFailure),
  });
}
