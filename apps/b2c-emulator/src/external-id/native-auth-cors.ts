import type { HttpRequest, HttpResponseInit } from '@azure/functions';

/**
 * What `@azure/msal-browser`'s custom-auth client sends besides `Content-Type`
 * (docs/entra-native-auth-protocol.md §2.1): each one makes a cross-origin call need a preflight,
 * so `permissive` mode allows them all. The service itself answers no CORS (§1.4): in `strict`
 * mode neither does the emulator, and a browser app needs a proxy, as in Azure.
 */
const SDK_REQUEST_HEADERS = [
  'Content-Type',
  'client-request-id',
  'x-client-SKU',
  'x-client-VER',
  'x-client-OS',
  'x-client-CPU',
  'x-client-current-telemetry',
  'x-client-last-telemetry',
  'x-app-name',
  'x-app-ver',
  'return-client-request-id',
].join(', ');

/** The answer header MSAL reads as the result's correlation id when the browser may read it. */
export const REQUEST_ID_HEADER = 'x-ms-request-id';

/** The CORS headers of an answer: only in `permissive` mode, and only to a request with Origin. */
export function nativeAuthCorsHeaders(
  request: HttpRequest,
  mode: 'strict' | 'permissive',
): Record<string, string> {
  const origin = request.headers.get('origin');
  if (mode !== 'permissive' || !origin) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': `${REQUEST_ID_HEADER}, client-request-id`,
    Vary: 'Origin',
  };
}

/** Answers a CORS preflight in `permissive` mode, or undefined when there is nothing to answer. */
export function nativeAuthPreflight(
  request: HttpRequest,
  mode: 'strict' | 'permissive',
): HttpResponseInit | undefined {
  if (request.method !== 'OPTIONS' || !request.headers.has('access-control-request-method'))
    return undefined;
  const allow = nativeAuthCorsHeaders(request, mode);
  if (!allow['Access-Control-Allow-Origin']) return undefined;
  return {
    status: 204,
    headers: {
      ...allow,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': SDK_REQUEST_HEADERS,
      'Access-Control-Max-Age': '600',
    },
  };
}
