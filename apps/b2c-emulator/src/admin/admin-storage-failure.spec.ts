import { HttpRequest } from '@azure/functions';
import { StorageContentionError } from '@ropc/table-storage';
import { adminStorageFailure } from './admin-storage-failure';

describe('adminStorageFailure', () => {
  it('answers a storage failure of the admin API in Graph’s shape, with the error’s Retry-After', () => {
    const request = new HttpRequest({ url: 'http://127.0.0.1/v1.0/users', method: 'GET' });
    const answer = adminStorageFailure(new StorageContentionError('update x', 12), request, 'id');
    expect(answer).toEqual({
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
});
