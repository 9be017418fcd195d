import type { Cookie, HttpRequest } from '@azure/functions';
import { randomUUID } from 'node:crypto';
import { sessionCookie } from '../session-cookie-header';
import { sealSession } from '../session-cookie';
import type { NativeAuthProxy } from './native-auth-proxy';

/** What a cookie-mode token answer continues: the same session on refresh, a new one on sign-in. */
export interface NativeSessionContinuation {
  readonly sid?: string;
  /** The scope asked for; the answer's `scope` when the call named none. */
  readonly scope: string | undefined;
  /** `authority|normalised username`, when the flow named one. */
  readonly account?: string;
}

/**
 * The cookie mode's token answer: the refresh token sealed into `ropc_session` (recording its
 * authority, `external-id`), for `refresh_token_expires_in` or else
 * `AUTH_NATIVE_REFRESH_LIFETIME_SECONDS`; the body without it. Without a refresh token (no
 * `offline_access`) the tokens go to the browser with no session. Undefined when the refresh
 * token cannot fit in a cookie (the authority's fault: a 502).
 */
export async function nativeSession(
  request: HttpRequest,
  proxy: NativeAuthProxy,
  body: Record<string, unknown>,
  continuation: NativeSessionContinuation,
): Promise<{ body: Record<string, unknown>; cookies: Cookie[] } | undefined> {
  const { refresh_token: refreshToken, ...forBrowser } = body;
  if (typeof refreshToken !== 'string' || refreshToken === '')
    return { body: forBrowser, cookies: [] };
  const given = Number(body['refresh_token_expires_in']);
  const lifetime =
    Number.isFinite(given) && given > 0
      ? Math.floor(given)
      : proxy.config.nativeProxy.refreshLifetimeSeconds;
  const answeredScope = typeof body['scope'] === 'string' ? body['scope'] : 'openid offline_access';
  const sealed = await sealSession(
    {
      sid: continuation.sid ?? randomUUID(),
      rt: refreshToken,
      exp: proxy.nowSeconds() + lifetime,
      scope: continuation.scope ?? answeredScope,
      ...(continuation.account === undefined ? {} : { acct: continuation.account }),
      auth: 'external-id',
    },
    proxy.config.cookieKeys,
  ).catch((error: unknown) => {
    if (error instanceof RangeError) return undefined;
    throw error;
  });
  if (sealed === undefined) return undefined;
  return {
    body: forBrowser,
    cookies: [sessionCookie(request, proxy.config.cookieSecure, sealed, lifetime)],
  };
}
