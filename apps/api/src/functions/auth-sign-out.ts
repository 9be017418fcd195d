import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { getApi } from '../api-instance';
import { passesCsrfCheck } from '../proxy/csrf-check';
import { NO_STORE } from '../proxy/no-store';
import { proxyErrorResponse } from '../proxy/proxy-error';
import { clearedSessionCookie } from '../proxy/session-cookie-header';
import { liveSession } from '../proxy/live-session';

/**
 * POST /api/auth/sign-out: ends the cookie's session server-side (that cookie no longer
 * refreshes, until its natural expiry) and clears the cookie. 204 whether or not it was live.
 */
export async function authSignOut(request: HttpRequest): Promise<HttpResponseInit> {
  const { proxy, config } = getApi();
  if (!passesCsrfCheck(request, config.allowedOrigins))
    return proxyErrorResponse({ kind: 'cross_site' });
  const session = await liveSession(request, proxy);
  if (session) await proxy.endedSessions.end(session.sid, session.exp);
  return {
    status: 204,
    headers: { ...NO_STORE },
    cookies: [clearedSessionCookie(request, config.cookieSecure)],
  };
}

app.http('auth-sign-out', {
  route: 'auth/sign-out',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authSignOut,
});
