import type { HttpResponseInit } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { problemStorageFailure } from '../http/problem-storage-failure';

/** GET /api/health: 200 `{"status":"ok"}` for load balancers; no authentication. */
export function health(): Promise<HttpResponseInit> {
  return Promise.resolve({
    status: 200,
    headers: { 'Cache-Control': 'no-store' },
    jsonBody: { status: 'ok' },
  });
}

registerHttpFunction('health', {
  route: 'health',
  methods: ['GET'],
  handler: health,
  storageFailure: problemStorageFailure,
});
