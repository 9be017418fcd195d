import {
  HttpRequest,
  InvocationContext,
  PostInvocationContext,
  type HttpResponseInit,
} from '@azure/functions';
import { StorageContentionError, StorageUnavailableError } from '@ropc/table-storage';
import { answerStorageFailure } from './storage-failure-response';

function afterInvocation(functionName: string, type: string, error: unknown) {
  const invocationContext = new InvocationContext({
    functionName,
    options: { trigger: { type, name: 'trigger' } },
    logHandler: () => undefined,
  });
  const request = new HttpRequest({ url: 'http://127.0.0.1/x', method: 'POST' });
  return new PostInvocationContext({ invocationContext, inputs: [request], error, result: null });
}

describe('answerStorageFailure', () => {
  it('answers a storage failure of a token endpoint with B2C’s AADB2C90035 and Retry-After', () => {
    const context = afterInvocation('token', 'httpTrigger', new StorageUnavailableError('read x'));
    answerStorageFailure(context);
    const result = context.result as HttpResponseInit;
    expect(context.error).toBeNull();
    expect(result.status).toBe(503);
    expect(result.headers).toMatchObject({ 'Retry-After': '5', 'Cache-Control': 'no-store' });
    expect(result.jsonBody).toEqual({
      error: 'temporarily_unavailable',
      error_description: expect.stringMatching(
        /^AADB2C90035: The service is temporarily unavailable\. Please retry after a few minutes\.\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\r\n$/u,
      ) as unknown,
    });
  });

  it('answers a storage failure of the admin API in Graph’s shape, with the error’s Retry-After', () => {
    const context = afterInvocation(
      'graph-users-list',
      'httpTrigger',
      new StorageContentionError('update x', 12),
    );
    answerStorageFailure(context);
    expect(context.result).toEqual({
      status: 503,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Retry-After': '1',
      },
      jsonBody: {
        error: {
          code: 'serviceNotAvailable',
          message: "The emulator's state storage is unavailable. Retry after 1 second.",
        },
      },
    });
  });

  it('leaves other errors and other triggers alone', () => {
    const bug = new TypeError('bug');
    const http = afterInvocation('token', 'httpTrigger', bug);
    answerStorageFailure(http);
    expect([http.error, http.result]).toEqual([bug, null]);
    const failure = new StorageUnavailableError('query x');
    const timer = afterInvocation('cleanup', 'timerTrigger', failure);
    answerStorageFailure(timer);
    expect([timer.error, timer.result]).toEqual([failure, null]);
  });
});
