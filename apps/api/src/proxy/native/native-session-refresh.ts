import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { nativeErrorCodeOf, nativeOutcomeOf } from '../../telemetry/attempt-outcomes';
import { recordRefresh, usernameOfAccount } from '../../telemetry/sign-in-telemetry';
import { liveSession } from '../live-session';
import { proxyScope } from '../proxy-scope';
import { clearedSessionCookie } from '../session-cookie-header';
import { sessionAuthorityOf } from '../session-cookie';
import type { NativeAuthProxy } from './native-auth-proxy';
import { nativeAnswerResponse } from './native-answer';
import { nativeErrorResponse } from './native-error';
import { nativeSession } from './native-session';
import { describeNativeAnswer } from './native-upstream';

/** AADSTS50173: the refresh token was revoked. */
const REVOKED = 50173;

/**
 * `/api/auth/refresh` for a session of the native-authentication proxy (`auth: external-id`): the
 * client's and the session's limits and the authority's back-off as for B2C, then the refresh
 * token grant at the External ID token endpoint (`client_id`, `scope`, `client_info=1`) and the
 * cookie rotated; the refresh token never in the body. `invalid_grant` ends the session.
 */
export async function nativeSessionRefresh(
  proxy: NativeAuthProxy,
  request: HttpRequest,
  requestedScope: string | undefined,
  log: (line: string) => void,
): Promise<HttpResponseInit> {
  const throttled = (retryAfterSeconds: number, username?: string) => {
    recordRefresh('external-id', 'refused_by_proxy', { username });
    return nativeErrorResponse(
      { kind: 'throttled', retryAfterSeconds, reason: 'throttled' },
      request,
    );
  };
  const byClient = await proxy.refreshClientLimiter.hit(`refresh-ip|${proxy.client(request)}`);
  if (byClient.limited) return throttled(byClient.retryAfterSeconds);
  const session = await liveSession(request, proxy);
  const cleared = [clearedSessionCookie(request, proxy.config.cookieSecure)];
  if (!session || sessionAuthorityOf(session) !== 'external-id') {
    recordRefresh('external-id', 'rejected', { errorCode: 'no_session' });
    return { ...nativeErrorResponse({ kind: 'no_session' }, request), cookies: cleared };
  }
  const username = usernameOfAccount(session.acct);
  const bySession = await proxy.refreshSessionLimiter.hit(`refresh-session|${session.sid}`);
  if (bySession.limited) return throttled(bySession.retryAfterSeconds, username);
  const backoff = proxy.backoff.remainingSeconds();
  if (backoff > 0) return throttled(backoff, username);
  let scope = session.scope;
  if (requestedScope !== undefined) {
    const bounded = proxyScope(requestedScope, []);
    if ('refusal' in bounded)
      return nativeErrorResponse(
        { kind: 'bad_request', message: 'The scope is not valid.' },
        request,
      );
    scope = bounded.scope;
  }
  const answer = await proxy.forward('token', {
    client_id: proxy.externalId.clientId,
    grant_type: 'refresh_token',
    refresh_token: session.rt,
    scope,
    client_info: '1',
  });
  log(`native-auth refresh ${describeNativeAnswer(answer)}`);
  recordRefresh('external-id', nativeOutcomeOf(answer), {
    username,
    errorCode: nativeErrorCodeOf(answer),
  });
  if (answer.kind !== 'answered') return nativeAnswerResponse(request, answer, undefined);
  if (answer.status !== 200) {
    const { refresh_token: _dropped, ...body } = answer.body;
    const ends = body['error'] === 'invalid_grant';
    // 50173: the grant was revoked (a password reset, a revocation of the user's sessions), so
    // the account's known devices stop being trusted, as for B2C.
    const codes = body['error_codes'];
    if (ends && Array.isArray(codes) && codes.includes(REVOKED) && session.acct !== undefined)
      await proxy.budget.endDeviceTrust(session.acct);
    return nativeAnswerResponse(request, answer, body, ends ? cleared : []);
  }
  // A sign-out that landed while the refresh was upstream wins.
  if (await proxy.endedSessions.isEnded(session.sid, proxy.nowSeconds()))
    return { ...nativeErrorResponse({ kind: 'no_session' }, request), cookies: cleared };
  const rotated = await nativeSession(request, proxy, answer.body, {
    sid: session.sid,
    scope,
    ...(session.acct === undefined ? {} : { account: session.acct }),
  });
  if (!rotated) return nativeErrorResponse({ kind: 'upstream_failed' }, request);
  return nativeAnswerResponse(request, answer, rotated.body, rotated.cookies);
}
