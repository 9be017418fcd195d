import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { randomUUID } from 'node:crypto';
import type { Emulator } from '../emulator';
import type { B2CTenant } from '../tenant/tenant-model';
import { b2cErrorResponse } from './b2c-error-response';
import { corsHeaders, preflightResponse } from './cors';
import { B2CError } from './b2c-error';
import { resolvePolicy, type ResolvedPolicy } from './resolve-policy';

/**
 * The shared steps of the discovery and JWKS endpoints: CORS preflight, policy lookup (404 for
 * an unknown tenant or policy, as B2C's metadata endpoint does), CORS and caching headers.
 */
export function policyMetadataResponse(
  emulator: Emulator,
  tenant: B2CTenant | undefined,
  request: HttpRequest,
  cacheSeconds: number,
  body: (policy: ResolvedPolicy, tenant: B2CTenant) => unknown,
): HttpResponseInit {
  const preflight = preflightResponse(request, 'metadata', emulator.config.cors);
  if (preflight) return preflight;
  const cors = corsHeaders(request, 'metadata', emulator.config.cors);
  const resolved = resolvePolicy(request, tenant);
  if (!('found' in resolved) || !tenant) {
    const named = 'missing' in resolved ? resolved.missing : '';
    const error = new B2CError('AADB2C90066', [named.slice(0, 64)], {
      status: 404,
    });
    return b2cErrorResponse(error, randomUUID(), emulator.clock.now(), cors);
  }
  return {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': `public, max-age=${cacheSeconds}`,
      ...cors,
    },
    jsonBody: body(resolved.found, tenant),
  };
}
