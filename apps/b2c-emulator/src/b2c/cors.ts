import type { HttpRequest, HttpResponseInit } from '@azure/functions';

/** Which endpoint a CORS decision is for. */
export type CorsEndpoint = 'token' | 'metadata';

/**
 * B2C answers discovery and JWKS cross-origin (msal-browser fetches them), but not the token
 * endpoint for ROPC (docs/b2c-ropc-protocol.md §7). `permissive` also opens the token endpoint, for
 * direct mode.
 */
export function corsHeaders(
  request: HttpRequest,
  endpoint: CorsEndpoint,
  mode: 'strict' | 'permissive',
): Record<string, string> {
  const origin = request.headers.get('origin');
  if (endpoint === 'metadata') return { 'Access-Control-Allow-Origin': '*' };
  if (mode === 'permissive' && origin)
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  return {};
}

/** Answers a CORS preflight, or returns undefined when the request is not one. */
export function preflightResponse(
  request: HttpRequest,
  endpoint: CorsEndpoint,
  mode: 'strict' | 'permissive',
): HttpResponseInit | undefined {
  if (request.method !== 'OPTIONS' || !request.headers.has('access-control-request-method'))
    return undefined;
  const allow = corsHeaders(request, endpoint, mode);
  if (!allow['Access-Control-Allow-Origin']) return undefined;
  return {
    status: 204,
    headers: {
      ...allow,
      'Access-Control-Allow-Methods': endpoint === 'token' ? 'POST, OPTIONS' : 'GET, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Accept, X-Requested-With, Authorization',
      'Access-Control-Max-Age': '600',
    },
  };
}
