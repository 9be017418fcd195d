import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { b2cErrorCodeOf, b2cOutcomeOf } from '../telemetry/attempt-outcomes';
import { recordRefresh, usernameOfAccount } from '../telemetry/sign-in-telemetry';
import { liveSession } from './live-session';
import { proxyErrorResponse } from './proxy-error';
import { proxyScope } from './proxy-scope';
import { clearedSessionCookie } from './session-cookie-header';
import type { SignInProxy } from './sign-in-proxy';
import { upstreamAnswerResponse } from './upstream-answer-response';
import { describeUpstreamAnswer, type UpstreamAnswer } from './upstream-token-endpoint';

const throttled = (retryAfterSeconds: number): HttpResponseInit =>
  proxyErrorResponse({ kind: 'throttled', retryAfterSeconds, reason: 'throttled' });

/** The authority ended the session's grant: revoked, password changed, or reused after theft. */
function isRevocation(answer: UpstreamAnswer): boolean {
  return answer.kind === 'refused' && answer.b2cCode === 'AADB2C90129';
}

/**
 * A refresh through the proxy: the client's and the session's limits (a 429 never touches the
 * cookie), the authority's back-off, then the refresh token of the cookie redeemed upstream and
 * the cookie rotated. When the authority says the grant was revoked (a revocation of the user's
 * sessions or a password reset), every known device of the account stops being trusted.
 */
export async function sessionRefresh(
  proxy: SignInProxy,
  request: HttpRequest,
  requestedScope: string | undefined,
  log: (line: string) => void,
): Promise<HttpResponseInit> {
  const byClient = await proxy.refreshClientLimiter.hit(`refresh-ip|${proxy.client(request)}`);
  if (byClient.limited) {
    proxy.metrics.refused('client_throttled');
    recordRefresh('b2c', 'refused_by_proxy');
    return throttled(byClient.retryAfterSeconds);
  }
  const session = await liveSession(request, proxy);
  if (!session) {
    recordRefresh('b2c', 'rejected', { errorCode: 'no_session' });
    return {
      ...proxyErrorResponse({ kind: 'no_session' }),
      cookies: [clearedSessionCookie(request, proxy.config.cookieSecure)],
    };
  }
  const username = usernameOfAccount(session.acct);
  const bySession = await proxy.refreshSessionLimiter.hit(`refresh-session|${session.sid}`);
  if (bySession.limited) {
    proxy.metrics.refused('client_throttled');
    recordRefresh('b2c', 'refused_by_proxy', { username });
    return throttled(bySession.retryAfterSeconds);
  }
  const backoff = proxy.backoff.remainingSeconds();
  if (backoff > 0) {
    proxy.metrics.refused('authority_backoff');
    recordRefresh('b2c', 'refused_by_proxy', { username });
    return throttled(backoff);
  }
  // The client's scope, bounded and with `openid offline_access` as on sign-in; else the session's.
  const bounded =
    requestedScope === undefined
      ? { scope: session.scope }
      : proxyScope(requestedScope, proxy.config.defaultScopes);
  if ('refusal' in bounded) return proxyErrorResponse(bounded.refusal);
  const { scope } = bounded;
  const answer = await proxy.forward({
    grant_type: 'refresh_token',
    client_id: proxy.b2c.clientId,
    refresh_token: session.rt,
    scope,
    response_type: 'token id_token',
  });
  log(`refresh ${describeUpstreamAnswer(answer)}`);
  recordRefresh('b2c', b2cOutcomeOf(answer), { username, errorCode: b2cErrorCodeOf(answer) });
  // A sign-out that landed while the refresh was upstream wins: no new cookie for an ended session.
  if (
    answer.kind === 'tokens' &&
    (await proxy.endedSessions.isEnded(session.sid, proxy.nowSeconds()))
  )
    return {
      ...proxyErrorResponse({ kind: 'no_session' }),
      cookies: [clearedSessionCookie(request, proxy.config.cookieSecure)],
    };
  if (isRevocation(answer) && session.acct !== undefined)
    await proxy.budget.endDeviceTrust(session.acct);
  return upstreamAnswerResponse(request, proxy, answer, {
    sid: session.sid,
    scope,
    ...(session.acct === undefined ? {} : { account: session.acct }),
  });
}
