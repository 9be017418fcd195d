import { app, type HttpResponseInit } from '@azure/functions';

/** GET /api/health: 200 `{"status":"ok"}` for load balancers; no authentication. */
export function health(): Promise<HttpResponseInit> {
  return Promise.resolve({
    status: 200,
    headers: { 'Cache-Control': 'no-store' },
    jsonBody: { status: 'ok' },
  });
}

app.http('health', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: health });
