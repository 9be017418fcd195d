import type { Cookie, HttpRequest } from '@azure/functions';
import { SESSION_COOKIE } from './session-cookie';

/** The `ropc_session` value of a request's Cookie header, if any. */
export function readSessionCookie(request: HttpRequest): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === SESSION_COOKIE) {
      return part.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/** `Secure` everywhere except plain-HTTP localhost, where browsers would drop the cookie. */
function isLocalHttp(request: HttpRequest): boolean {
  const url = new URL(request.url);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The session cookie: HttpOnly, SameSite=Strict, `Path=/api/auth` so that it only ever travels to
 * the proxy, and `Max-Age` = the refresh token's remaining life.
 */
export function sessionCookie(request: HttpRequest, value: string, maxAgeSeconds: number): Cookie {
  return {
    name: SESSION_COOKIE,
    value,
    path: '/api/auth',
    httpOnly: true,
    secure: !isLocalHttp(request),
    sameSite: 'Strict',
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  };
}

/** A cookie that removes the session cookie. */
export function clearedSessionCookie(request: HttpRequest): Cookie {
  return sessionCookie(request, '', 0);
}
