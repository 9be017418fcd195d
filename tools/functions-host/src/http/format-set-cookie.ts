import type { RpcHttpCookie } from '../core/core-types';

const SAME_SITE: Readonly<Record<string, string | undefined>> = {
  lax: 'lax',
  strict: 'strict',
  explicitNone: 'none',
};

/**
 * Serializes a response cookie as the Functions host does with ASP.NET Core's
 * `Response.Cookies.Append`: value escaped like `Uri.EscapeDataString`, `path=/` when no path is
 * given, attributes in ASP.NET's order, `samesite` omitted when unspecified.
 */
export function formatSetCookie(cookie: RpcHttpCookie): string {
  const parts = [`${cookie.name ?? ''}=${escapeDataString(cookie.value ?? '')}`];
  const expiresSeconds = cookie.expires?.value?.seconds;
  if (typeof expiresSeconds === 'number') {
    parts.push(`expires=${new Date(expiresSeconds * 1000).toUTCString()}`);
  }
  const maxAge = cookie.maxAge?.value;
  if (typeof maxAge === 'number') parts.push(`max-age=${Math.trunc(maxAge)}`);
  const domain = cookie.domain?.value;
  if (domain) parts.push(`domain=${domain}`);
  parts.push(`path=${cookie.path?.value || '/'}`);
  if (cookie.secure?.value === true) parts.push('secure');
  const sameSite = SAME_SITE[cookie.sameSite ?? 'none'];
  if (sameSite !== undefined) parts.push(`samesite=${sameSite}`);
  if (cookie.httpOnly?.value === true) parts.push('httponly');
  return parts.join('; ');
}

/** `encodeURIComponent` leaves `!'()*` alone; .NET's `Uri.EscapeDataString` does not. */
function escapeDataString(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
