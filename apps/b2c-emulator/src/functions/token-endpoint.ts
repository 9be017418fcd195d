import {
  app,
  type HttpRequest,
  type HttpResponseInit,
  type InvocationContext,
} from '@azure/functions';
import { randomUUID } from 'node:crypto';
import { buildIssuer, type TokenResponseBody } from '@ropc/protocol';
import type { Emulator } from '../emulator';
import { getEmulator } from '../emulator-instance';
import { b2cErrorResponse } from '../http/b2c-error-response';
import { corsHeaders, preflightResponse } from '../http/cors';
import { EmulatorError } from '../http/emulator-error';
import { readTokenRequest } from '../http/read-form-body';
import { requestClientIp } from '../http/request-client-ip';
import { requestOrigin } from '../http/request-origin';
import { JSON_HEADERS } from '../http/response-headers';
import { resolvePolicy } from '../http/resolve-policy';
import { passwordGrant } from '../tokens/password-grant';
import { refreshGrant } from '../tokens/refresh-grant';
import type { TokenRequestContext } from '../tokens/token-request-context';

/** Routes every method, so that anything but POST gets B2C's AADB2C90226 rather than a 405. */
const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

async function issue(
  emulator: Emulator,
  request: HttpRequest,
  now: number,
): Promise<TokenResponseBody> {
  if (request.method !== 'POST') throw new EmulatorError('AADB2C90226');
  const resolved = resolvePolicy(request, emulator.tenant);
  if ('missing' in resolved)
    throw new EmulatorError('AADB2C90066', [resolved.missing.slice(0, 64)]);
  const clientIp = requestClientIp(request, emulator.config.trustedHops);
  const limit = await emulator.serviceLimits.hit(clientIp);
  if (limit.limited) {
    throw new EmulatorError('AADB2C90244', [], {
      headers: { 'Retry-After': String(limit.retryAfterSeconds) },
    });
  }
  const tokenRequest = await readTokenRequest(request);
  const { flow } = resolved.found;
  const issuer = buildIssuer(
    requestOrigin(request, emulator.config),
    emulator.tenant.id,
    flow.name,
    flow.issuerStyle,
  );
  const context: TokenRequestContext = { emulator, flow, issuer, clientIp, now };
  return tokenRequest.grant_type === 'password'
    ? passwordGrant.handler(context, tokenRequest)
    : refreshGrant.handler(context, tokenRequest);
}

/**
 * The policy token endpoint (docs/b2c-ropc-protocol.md §1.2): password and refresh_token grants, form bodies
 * only, B2C's error body for everything a client can get wrong, `Cache-Control: no-store`.
 */
export async function tokenEndpoint(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const emulator = await getEmulator();
  const preflight = preflightResponse(request, 'token', emulator.config.cors);
  if (preflight) return preflight;
  const correlationId = randomUUID();
  const now = emulator.clock.now();
  const cors = corsHeaders(request, 'token', emulator.config.cors);
  try {
    const body = await issue(emulator, request, now);
    context.log(`token issued correlationId=${correlationId}`);
    return { status: 200, headers: { ...JSON_HEADERS, ...cors }, jsonBody: body };
  } catch (error) {
    if (!(error instanceof EmulatorError)) throw error;
    context.log(
      `token refused ${error.b2cCode} status=${error.status} correlationId=${correlationId}`,
    );
    return b2cErrorResponse(error, correlationId, now, cors);
  }
}

for (const [name, route] of [
  ['token', '{tenant}/{policy}/oauth2/v2.0/token'],
  ['token-query', '{tenant}/oauth2/v2.0/token'],
  ['token-tfp', 'tfp/{tenant}/{policy}/oauth2/v2.0/token'],
] as const) {
  app.http(name, {
    route,
    methods: [...ALL_METHODS],
    authLevel: 'anonymous',
    handler: tokenEndpoint,
  });
}
