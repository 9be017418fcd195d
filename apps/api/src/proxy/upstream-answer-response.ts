import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { randomUUID } from 'node:crypto';
import { NO_STORE } from './no-store';
import { proxyErrorResponse } from './proxy-error';
import { clearedSessionCookie, sessionCookie } from './session-cookie-header';
import { sealSession } from './session-cookie';
import type { SignInProxy } from './sign-in-proxy';
import {
  DEFAULT_LOCKOUT_SECONDS,
  DEFAULT_THROTTLE_BACKOFF_SECONDS,
  retryAfterSeconds,
} from './upstream-backoff';
import type { UpstreamAnswer } from './upstream-token-endpoint';

/** What the session in the new cookie continues: the same id on refresh, a new one on sign-in. */
export interface SessionContinuation {
  readonly sid?: string;
  readonly scope: string;
  /** The account signed in (see `SessionPayload.acct`). */
  readonly account?: string;
}

async function tokensResponse(
  request: HttpRequest,
  proxy: SignInProxy,
  body: Record<string, unknown>,
  session: SessionContinuation,
): Promise<HttpResponseInit> {
  const { refresh_token: refreshToken, ...forBrowser } = body;
  const lifetime = Number(body['refresh_token_expires_in']);
  // The proxy always asks for offline_access: tokens without a refresh token cannot continue the
  // session, so the answer is the authority failing, not a silent end of the session.
  if (typeof refreshToken !== 'string' || !Number.isFinite(lifetime) || lifetime <= 0)
    return proxyErrorResponse({ kind: 'upstream_failed' });
  // A refresh token too large for a cookie is the authority's fault, answered as such (502).
  const sealed = await sealSession(
    {
      sid: session.sid ?? randomUUID(),
      rt: refreshToken,
      exp: proxy.nowSeconds() + lifetime,
      scope: session.scope,
      ...(session.account === undefined ? {} : { acct: session.account }),
      auth: 'b2c',
    },
    proxy.config.cookieKeys,
  ).catch((error: unknown) => {
    if (error instanceof RangeError) return undefined;
    throw error;
  });
  if (sealed === undefined) return proxyErrorResponse({ kind: 'upstream_failed' });
  return {
    status: 200,
    headers: { ...NO_STORE },
    jsonBody: forBrowser,
    cookies: [sessionCookie(request, proxy.config.cookieSecure, sealed, lifetime)],
  };
}

/**
 * How long the browser should wait after a throttle (429) or a lockout (AADB2C90114): the
 * authority's `Retry-After`, or the proxy's own back-off when it sent none.
 */
export function waitOf(answer: UpstreamAnswer & { kind: 'refused' }): number | undefined {
  if (answer.status === 429)
    return retryAfterSeconds(answer.retryAfter, DEFAULT_THROTTLE_BACKOFF_SECONDS);
  if (answer.b2cCode === 'AADB2C90114')
    return retryAfterSeconds(answer.retryAfter, DEFAULT_LOCKOUT_SECONDS);
  return answer.retryAfter === null ? undefined : retryAfterSeconds(answer.retryAfter, 1);
}

/**
 * Turns the authority's answer into the browser's: tokens minus the refresh token (which goes
 * into the sealed cookie), B2C's own 4xx as is (counted when it is a throttle or a lockout), and
 * docs/architecture.md's 503 and 502 for an unreachable or failing authority.
 */
export async function upstreamAnswerResponse(
  request: HttpRequest,
  proxy: SignInProxy,
  answer: UpstreamAnswer,
  session: SessionContinuation,
): Promise<HttpResponseInit> {
  switch (answer.kind) {
    case 'tokens':
      return tokensResponse(request, proxy, answer.body, session);
    case 'refused': {
      if (answer.status === 429) proxy.metrics.upstreamThrottled();
      if (answer.b2cCode === 'AADB2C90114') proxy.metrics.upstreamLockout();
      const headers: Record<string, string> = {
        'Content-Type': 'application/json; charset=utf-8',
        ...NO_STORE,
      };
      const wait = waitOf(answer);
      if (wait !== undefined) headers['Retry-After'] = String(wait);
      const endsSession = answer.body.error === 'invalid_grant';
      return {
        status: answer.status,
        headers,
        jsonBody: answer.body,
        ...(endsSession
          ? { cookies: [clearedSessionCookie(request, proxy.config.cookieSecure)] }
          : {}),
      };
    }
    case 'unreachable':
      return proxyErrorResponse({
        kind: 'unreachable',
        retryAfterSeconds: retryAfterSeconds(answer.retryAfter ?? null, 5),
      });
    case 'failed':
      return proxyErrorResponse({ kind: 'upstream_failed' });
  }
}
