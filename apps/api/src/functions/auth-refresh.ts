import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { getApi } from '../api-instance';
import { passesCsrfCheck } from '../proxy/csrf-check';
import { proxyErrorResponse } from '../proxy/proxy-error';
import { readRefreshScope } from '../proxy/read-proxy-form';
import { sessionRefresh } from '../proxy/session-refresh';
import { proxyStorageFailure } from '../proxy/proxy-storage-failure';

/**
 * POST /api/auth/refresh: redeems the refresh token kept in the cookie and rotates the cookie.
 * No, bad or ended cookie: 400 invalid_grant AADB2C90129 (sign in again); over a limit: 429 with
 * the cookie untouched (`session-refresh.ts`).
 */
export async function authRefresh(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const { proxy, config } = await getApi();
  if (!proxy) return proxyErrorResponse({ kind: 'not_configured' });
  if (!passesCsrfCheck(request, config.allowedOrigins))
    return proxyErrorResponse({ kind: 'cross_site' });
  const read = await readRefreshScope(request);
  if ('refusal' in read) return proxyErrorResponse(read.refusal);
  return sessionRefresh(proxy, request, read.scope, (line) => {
    context.log(line);
  });
}

registerHttpFunction('auth-refresh', {
  route: 'auth/refresh',
  methods: ['POST'],
  handler: authRefresh,
  storageFailure: proxyStorageFailure,
});
