import type { Cookie, HttpRequest } from '@azure/functions';

/** The value of the cookie `name` in a request's Cookie header, if any. */
export function readCookie(request: HttpRequest, name: string): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/**
 * `AUTH_COOKIE_SECURE`: `auto` marks the proxy's cookies `Secure` unless the request's host is
 * loopback (plain-HTTP localhost, where browsers would not send them back); `always` marks them
 * `Secure` everywhere. The scheme of `request.url` decides nothing: behind a TLS front end that
 * forwards plain HTTP it says `http:` while the browser is on `https:`.
 */
export type CookieSecurity = 'auto' | 'always';

function isLoopbackHost(request: HttpRequest): boolean {
  const { hostname } = new URL(request.url);
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * A cookie of the sign-in proxy: HttpOnly, SameSite=Strict and `Path=/api/auth`, so that it only
 * ever travels to the proxy and never reaches script; `Max-Age` 0 removes it.
 */
export function proxyCookie(
  request: HttpRequest,
  security: CookieSecurity,
  name: string,
  value: string,
  maxAgeSeconds: number,
): Cookie {
  return {
    name,
    value,
    path: '/api/auth',
    httpOnly: true,
    secure: security === 'always' || !isLoopbackHost(request),
    sameSite: 'Strict',
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  };
}
