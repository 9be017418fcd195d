import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import { StorageUnavailableError } from '@ropc/table-storage';
import { tokenStorageFailure } from './b2c-storage-failure';

describe('tokenStorageFailure', () => {
  it('answers a storage failure of a token endpoint with B2C’s AADB2C90035 and Retry-After', () => {
    const request = new HttpRequest({ url: 'http://127.0.0.1/x', method: 'POST' });
    const correlationId = '0b7c2a4e-5d1f-4e8a-9c3b-2f6d8e1a4b7c';
    const result: HttpResponseInit = tokenStorageFailure(
      new StorageUnavailableError('read x'),
      request,
      correlationId,
    );
    expect(result.status).toBe(503);
    expect(result.headers).toMatchObject({ 'Retry-After': '5', 'Cache-Control': 'no-store' });
    expect(result.jsonBody).toEqual({
      error: 'temporarily_unavailable',
      error_description: expect.stringMatching(
        /^AADB2C90035: The service is temporarily unavailable\. Please retry after a few minutes\.\r\nCorrelation ID: 0b7c2a4e-5d1f-4e8a-9c3b-2f6d8e1a4b7c\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\r\n$/u,
      ) as unknown,
    });
  });
});
