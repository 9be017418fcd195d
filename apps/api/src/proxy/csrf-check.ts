import type { HttpRequest } from '@azure/functions';

/**
 * The proxy's CSRF defence: a custom header that a cross-site form or image cannot send without a
 * CORS preflight (which this API does not grant), plus an Origin allow-list when a browser sends
 * Origin. Returns true when the request may proceed.
 */
export function passesCsrfCheck(request: HttpRequest, allowedOrigins: readonly string[]): boolean {
  if (request.headers.get('x-requested-with') !== 'XMLHttpRequest') return false;
  const origin = request.headers.get('origin');
  return origin === null || allowedOrigins.includes(origin);
}
