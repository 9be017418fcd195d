import type { HttpResponseInit } from '@azure/functions';
import type { TokenValidationError } from './token-validation-error';

/**
 * The `WWW-Authenticate` challenge for a refused request (RFC 6750 §3), e.g.
 * `Bearer realm="api", error="invalid_token", error_description="The access token expired."`.
 * Without credentials it is only `Bearer realm="api"` (§3.1: no error attributes then); for
 * `insufficient_scope` it adds `scope="<every required scope>"`. Undefined for a 503, which is no
 * authentication failure.
 */
export function bearerChallenge(error: TokenValidationError, realm?: string): string | undefined {
  if (error.status === 503) return undefined;
  const params: [string, string][] = [];
  if (realm !== undefined) params.push(['realm', realm]);
  if (error.error !== undefined) {
    params.push(['error', error.error], ['error_description', error.description]);
  }
  if (error.error === 'insufficient_scope' && error.requiredScopes.length > 0) {
    params.push(['scope', error.requiredScopes.join(' ')]);
  }
  // Values are fixed descriptions and caller-checked realm and scopes, never token content.
  const attributes = params.map(([name, value]) => `${name}="${value}"`).join(', ');
  return attributes === '' ? 'Bearer' : `Bearer ${attributes}`;
}

/**
 * The whole answer to a refused request: the status, the challenge (or `Retry-After` for a 503),
 * `Cache-Control: no-store`, and a JSON body `{ "error", "error_description" }`. Without
 * credentials the body's `error` is `unauthorized`, as there is no RFC 6750 code for that case.
 */
export function bearerErrorResponse(error: TokenValidationError, realm?: string): HttpResponseInit {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  const challenge = bearerChallenge(error, realm);
  if (challenge !== undefined) headers['WWW-Authenticate'] = challenge;
  if (error.retryAfterSeconds !== undefined) {
    headers['Retry-After'] = String(error.retryAfterSeconds);
  }
  return {
    status: error.status,
    headers,
    jsonBody: { error: error.error ?? 'unauthorized', error_description: error.description },
  };
}
