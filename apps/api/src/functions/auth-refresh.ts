import {
  app,
  type HttpRequest,
  type HttpResponseInit,
  type InvocationContext,
} from '@azure/functions';
import { getApi } from '../api-instance';
import { passesCsrfCheck } from '../proxy/csrf-check';
import { proxyErrorResponse } from '../proxy/proxy-error';
import { readRefreshScope } from '../proxy/read-proxy-form';
import { liveSession } from '../proxy/live-session';
import { clearedSessionCookie } from '../proxy/session-cookie-header';
import { upstreamAnswerResponse } from '../proxy/upstream-answer-response';
import { describeUpstreamAnswer, forwardTokenRequest } from '../proxy/upstream-token-endpoint';

/**
 * POST /api/auth/refresh: redeems the refresh token kept in the cookie and rotates the cookie.
 * No, bad or ended cookie: 400 invalid_grant AADB2C90129 (sign in again).
 */
export async function authRefresh(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const { proxy, config } = getApi();
  if (!passesCsrfCheck(request, config.allowedOrigins))
    return proxyErrorResponse({ kind: 'cross_site' });
  const read = await readRefreshScope(request);
  if ('refusal' in read) return proxyErrorResponse(read.refusal);
  const session = await liveSession(request, proxy);
  if (!session)
    return {
      ...proxyErrorResponse({ kind: 'no_session' }),
      cookies: [clearedSessionCookie(request)],
    };
  const scope = read.scope ?? session.scope;
  const answer = await forwardTokenRequest(
    proxy.tokenEndpoint,
    {
      grant_type: 'refresh_token',
      client_id: config.clientId,
      refresh_token: session.rt,
      scope,
      response_type: 'token id_token',
    },
    config.upstreamTimeoutMs,
  );
  context.log(`refresh ${describeUpstreamAnswer(answer)}`);
  return upstreamAnswerResponse(request, proxy, answer, { sid: session.sid, scope });
}

app.http('auth-refresh', {
  route: 'auth/refresh',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authRefresh,
});
