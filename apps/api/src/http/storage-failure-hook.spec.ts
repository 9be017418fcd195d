import { InvocationContext, PostInvocationContext } from '@azure/functions';
import { StorageContentionError, StorageUnavailableError } from '@ropc/table-storage';
import { answerStorageFailure } from './storage-failure-hook';

const section = 'https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4';

/** What the hook sees after `functionName` (a `trigger` function) ended with `error`. */
function afterInvocation(functionName: string, error: unknown, trigger = 'httpTrigger') {
  const logged: string[] = [];
  const invocationContext = new InvocationContext({
    functionName,
    options: { trigger: { type: trigger, name: 'trigger' } },
    logHandler: (level, ...args) => logged.push(`${level}: ${args.join(' ')}`),
  });
  const context = new PostInvocationContext({ invocationContext, inputs: [], result: null, error });
  answerStorageFailure(context);
  return { context, logged };
}

describe('answerStorageFailure', () => {
  it('answers a notes function that storage failed with a 503 problem and Retry-After', () => {
    const cause = new Error('connect ECONNREFUSED https://acct.table.core.windows.net/?sig=secret');
    const error = new StorageUnavailableError('read apinotes', { cause });
    const { context, logged } = afterInvocation('listNotes', error);
    expect(context.error).toBeNull();
    expect(context.result).toEqual({
      status: 503,
      headers: {
        'Content-Type': 'application/problem+json',
        'Cache-Control': 'no-store',
        'Retry-After': '5',
      },
      jsonBody: {
        type: section,
        title: 'Service Unavailable',
        status: 503,
        detail: 'The API’s storage is unavailable; try again later',
      },
    });
    expect(logged).toEqual(['warning: answered 503: state storage is unavailable (read apinotes)']);
  });

  it('passes on the Retry-After of contention', () => {
    const { context } = afterInvocation('createNote', new StorageContentionError('create', 12));
    expect(context.result).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '1' },
      jsonBody: { detail: 'Too many changes at once; try again' },
    });
  });

  it('answers the sign-in proxy in B2C’s error shape', () => {
    const error = new StorageUnavailableError('query apiratecounters');
    const { context } = afterInvocation('auth-token', error);
    expect(context.error).toBeNull();
    expect(context.result).toEqual({
      status: 503,
      headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache', 'Retry-After': '5' },
      jsonBody: {
        error: 'temporarily_unavailable',
        error_description: expect.stringMatching(
          /^The sign-in service is temporarily unavailable\. Please try again in a moment\.\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: /,
        ) as unknown,
      },
    });
  });

  it('leaves other errors, and timer functions, to the host', () => {
    const bug = new TypeError('a bug');
    expect(afterInvocation('listNotes', bug).context.error).toBe(bug);
    const storage = new StorageUnavailableError('query apiendedsessions');
    const timer = afterInvocation('cleanup', storage, 'timerTrigger');
    expect(timer.context.error).toBe(storage);
    expect(timer.context.result).toBeNull();
  });
});
