import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { getApi } from '../api-instance';
import { passesCsrfCheck } from '../proxy/csrf-check';
import { NO_STORE } from '../proxy/no-store';
import { proxyErrorResponse } from '../proxy/proxy-error';
import { clearedSessionCookie } from '../proxy/session-cookie-header';
import { liveSession } from '../proxy/live-session';
import { proxyStorageFailure } from '../proxy/proxy-storage-failure';

/**
 * The longest a cookie of an ended session can live: B2C's longest refresh-token lifetime (90
 * days). A refresh in flight during the sign-out may still set a cookie of the session with a
 * later expiry than the one signed out, so the session stays ended at least this long.
 */
export const MAX_SESSION_COOKIE_SECONDS = 90 * 86_400;

/**
 * POST /api/auth/sign-out: ends the cookie's session server-side (no cookie of it refreshes
 * again, including one a racing refresh sets) and clears the cookie. 204 whether or not it was
 * live.
 */
export async function authSignOut(request: HttpRequest): Promise<HttpResponseInit> {
  const { proxy: b2cProxy, nativeProxy, config } = await getApi();
  // Either proxy ends a session: both read the same cookie and share the ended-session store.
  const proxy = b2cProxy ?? nativeProxy;
  if (!proxy) return proxyErrorResponse({ kind: 'not_configured' });
  if (!passesCsrfCheck(request, config.allowedOrigins))
    return proxyErrorResponse({ kind: 'cross_site' });
  const session = await liveSession(request, proxy);
  if (session)
    await proxy.endedSessions.end(
      session.sid,
      Math.max(session.exp, proxy.nowSeconds() + MAX_SESSION_COOKIE_SECONDS),
    );
  return {
    status: 204,
    headers: { ...NO_STORE },
    cookies: [clearedSessionCookie(request, config.cookieSecure)],
  };
}

registerHttpFunction('auth-sign-out', {
  route: 'auth/sign-out',
  methods: ['POST'],
  handler: authSignOut,
  storageFailure: proxyStorageFailure,
});
