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

/** `Secure` everywhere except plain-HTTP localhost, where browsers would drop the cookie. */
function isLocalHttp(request: HttpRequest): boolean {
  const url = new URL(request.url);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * A cookie of the sign-in proxy: HttpOnly, SameSite=Strict and `Path=/api/auth`, so that it only
 * ever travels to the proxy and never reaches script; `Max-Age` 0 removes it.
 */
export function proxyCookie(
  request: HttpRequest,
  name: string,
  value: string,
  maxAgeSeconds: number,
): Cookie {
  return {
    name,
    value,
    path: '/api/auth',
    httpOnly: true,
    secure: !isLocalHttp(request),
    sameSite: 'Strict',
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  };
}
