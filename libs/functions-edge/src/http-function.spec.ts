import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { StorageContentionError, StorageUnavailableError } from '@ropc/table-storage';
import { answeringStorageFailures, type StorageFailureAnswer } from './http-function';

const request = new HttpRequest({ url: 'http://127.0.0.1/x', method: 'POST' });

/** Runs `handler` wrapped with an answer that records what it was given. */
async function invoke(fail: () => never) {
  const logged: string[] = [];
  const given: { code: string; correlationId: string }[] = [];
  const answer: StorageFailureAnswer = (error, _request, correlationId) => {
    given.push({ code: error.code, correlationId });
    return { status: 503, headers: { 'Retry-After': String(error.retryAfterSeconds) } };
  };
  const context = new InvocationContext({
    functionName: 'notes-list',
    logHandler: (level, ...args) => logged.push(`${level}: ${args.join(' ')}`),
  });
  const wrapped = answeringStorageFailures(() => Promise.resolve(fail()), answer);
  const result = (await wrapped(request, context)) as HttpResponseInit;
  return { result, logged, given };
}

describe('answeringStorageFailures', () => {
  it('answers a storage failure with the registered answer and one line without the cause', async () => {
    const cause = new Error('connect ECONNREFUSED https://acct.table.core.windows.net/?sig=secret');
    const { result, logged, given } = await invoke(() => {
      throw new StorageUnavailableError('read apinotes', { cause });
    });
    expect(result).toEqual({ status: 503, headers: { 'Retry-After': '5' } });
    expect(given).toEqual([{ code: 'storage_unavailable', correlationId: expect.any(String) }]);
    expect(logged).toEqual([
      `warning: answered 503: state storage is unavailable (read apinotes) (503 storage_unavailable Retry-After=5 correlationId=${given[0]?.correlationId ?? ''})`,
    ]);
    expect(logged.join()).not.toContain('sig=secret');
  });

  it('passes on the Retry-After of contention', async () => {
    const { result } = await invoke(() => {
      throw new StorageContentionError('update x', 12);
    });
    expect(result.headers).toEqual({ 'Retry-After': '1' });
  });

  it('leaves any other error to the host', async () => {
    const bug = new TypeError('a bug');
    await expect(
      invoke(() => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });
});
