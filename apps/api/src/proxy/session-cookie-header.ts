import type { Cookie, HttpRequest } from '@azure/functions';
import { proxyCookie, readCookie, type CookieSecurity } from './proxy-cookies';
import { SESSION_COOKIE } from './session-cookie';

/** The `ropc_session` value of a request's Cookie header, if any. */
export function readSessionCookie(request: HttpRequest): string | undefined {
  return readCookie(request, SESSION_COOKIE);
}

/** The session cookie, `Max-Age` = the refresh token's remaining life. */
export function sessionCookie(
  request: HttpRequest,
  security: CookieSecurity,
  value: string,
  maxAgeSeconds: number,
): Cookie {
  return proxyCookie(request, security, SESSION_COOKIE, value, maxAgeSeconds);
}

/** A cookie that removes the session cookie. */
export function clearedSessionCookie(request: HttpRequest, security: CookieSecurity): Cookie {
  return sessionCookie(request, security, '', 0);
}
