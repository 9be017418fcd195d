import { HttpRequest } from '@azure/functions';
import { StorageContentionError, StorageUnavailableError } from '@ropc/table-storage';
import { proxyStorageFailure } from '../proxy/proxy-storage-failure';
import { problemStorageFailure } from './problem-storage-failure';

const section = 'https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4';
const request = new HttpRequest({ url: 'http://127.0.0.1/api/notes', method: 'GET' });
const correlationId = '5f0c9d2e-8a1b-4c3d-9e7f-6a5b4c3d2e1f';

describe('the storage-failure answers of the API’s functions', () => {
  it('answers a notes function that storage failed with a 503 problem and Retry-After', () => {
    const cause = new Error('connect ECONNREFUSED https://acct.table.core.windows.net/?sig=secret');
    const error = new StorageUnavailableError('read apinotes', { cause });
    expect(problemStorageFailure(error, request, correlationId)).toEqual({
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
  });

  it('passes on the Retry-After of contention', () => {
    const error = new StorageContentionError('create', 12);
    expect(problemStorageFailure(error, request, correlationId)).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '1' },
      jsonBody: { detail: 'Too many changes at once; try again' },
    });
  });

  it('answers the sign-in proxy in B2C’s error shape, with the log line’s correlation id', () => {
    const error = new StorageUnavailableError('query apiratecounters');
    expect(proxyStorageFailure(error, request, correlationId)).toEqual({
      status: 503,
      headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache', 'Retry-After': '5' },
      jsonBody: {
        error: 'temporarily_unavailable',
        error_description: expect.stringMatching(
          /^The sign-in service is temporarily unavailable\. Please try again in a moment\.\r\nCorrelation ID: 5f0c9d2e-8a1b-4c3d-9e7f-6a5b4c3d2e1f\r\nTimestamp: /,
        ) as unknown,
      },
    });
  });
});
