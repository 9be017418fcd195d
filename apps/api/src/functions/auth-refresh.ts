import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { getApi } from '../api-instance';
import { passesCsrfCheck } from '../proxy/csrf-check';
import { proxyErrorResponse } from '../proxy/proxy-error';
import { readRefreshScope } from '../proxy/read-proxy-form';
import { sessionRefresh } from '../proxy/session-refresh';
import { proxyStorageFailure } from '../proxy/proxy-storage-failure';
import type { CookieKey } from '../config';
import type { NativeAuthProxy } from '../proxy/native/native-auth-proxy';
import { nativeSessionRefresh } from '../proxy/native/native-session-refresh';
import { readSessionCookie } from '../proxy/session-cookie-header';
import { openSession, sessionAuthorityOf } from '../proxy/session-cookie';

/** Whether the request's cookie opens as a session of External ID (its authority, as recorded). */
async function isExternalIdSession(
  request: HttpRequest,
  keys: readonly CookieKey[],
  nativeProxy: NativeAuthProxy,
): Promise<boolean> {
  const sealed = readSessionCookie(request);
  const session = sealed ? await openSession(sealed, keys, nativeProxy.nowSeconds()) : undefined;
  return session !== undefined && sessionAuthorityOf(session) === 'external-id';
}

/**
 * POST /api/auth/refresh: redeems the refresh token kept in the cookie and rotates the cookie.
 * No, bad or ended cookie: 400 invalid_grant AADB2C90129 (sign in again); over a limit: 429 with
 * the cookie untouched (`session-refresh.ts`). A session of the native-auth proxy (External ID)
 * refreshes at its authority instead (`native/native-session-refresh.ts`).
 */
export async function authRefresh(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const { proxy, nativeProxy, config } = await getApi();
  if (!proxy && !nativeProxy) return proxyErrorResponse({ kind: 'not_configured' });
  if (!passesCsrfCheck(request, config.allowedOrigins))
    return proxyErrorResponse({ kind: 'cross_site' });
  const read = await readRefreshScope(request);
  if ('refusal' in read) return proxyErrorResponse(read.refusal);
  const log = (line: string): void => {
    context.log(line);
  };
  // A session of the native-auth proxy refreshes at External ID; every other one as before.
  if (nativeProxy && (await isExternalIdSession(request, config.cookieKeys, nativeProxy)))
    return nativeSessionRefresh(nativeProxy, request, read.scope, log);
  if (!proxy) return nativeSessionRefresh(nativeProxy as NativeAuthProxy, request, read.scope, log);
  return sessionRefresh(proxy, request, read.scope, log);
}

registerHttpFunction('auth-refresh', {
  route: 'auth/refresh',
  methods: ['POST'],
  handler: authRefresh,
  storageFailure: proxyStorageFailure,
});
