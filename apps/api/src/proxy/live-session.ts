import type { HttpRequest } from '@azure/functions';
import { readSessionCookie } from './session-cookie-header';
import { openSession, type SessionPayload } from './session-cookie';
import type { ProxyGuards } from './proxy-guards';

/** What reading a session needs: the key ring, the ended sessions, the clock (either proxy). */
export type SessionReader = Pick<ProxyGuards, 'config' | 'endedSessions' | 'nowSeconds'>;

/** The live session of the request's cookie: opened, not expired, not signed out. */
export async function liveSession(
  request: HttpRequest,
  proxy: SessionReader,
): Promise<SessionPayload | undefined> {
  const sealed = readSessionCookie(request);
  const session = sealed
    ? await openSession(sealed, proxy.config.cookieKeys, proxy.nowSeconds())
    : undefined;
  if (!session || (await proxy.endedSessions.isEnded(session.sid, proxy.nowSeconds())))
    return undefined;
  return session;
}
