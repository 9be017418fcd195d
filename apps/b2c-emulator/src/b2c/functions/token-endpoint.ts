import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { randomUUID } from 'node:crypto';
import type { Emulator } from '../../emulator';
import { b2cRoute } from '../../functions/tenant-route';
import type { B2CTenant } from '../../tenant/tenant-model';
import type { TenantRuntime } from '../../tenant/tenant-runtime';
import { b2cErrorResponse } from '../b2c-error-response';
import { corsHeaders, preflightResponse } from '../cors';
import { B2CError } from '../b2c-error';
import { tokenStorageFailure } from '../b2c-storage-failure';
import { JSON_HEADERS } from '../response-headers';
import { exchangeToken } from '../grants/token-exchange-steps';
import { inGrantSpan } from '../../telemetry/grant-span';

/** Routes every method, so that anything but POST gets B2C's AADB2C90226 rather than a 405. */
export const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * The policy token endpoint (docs/b2c-ropc-protocol.md §1.2): password and refresh_token grants,
 * form bodies only, B2C's error body for everything a client can get wrong, `Cache-Control:
 * no-store`. `{tenant}/oauth2/v2.0/token` is shared with External ID (functions/shared-tenant-routes.ts).
 */
export async function b2cTokenEndpoint(
  request: HttpRequest,
  context: InvocationContext,
  emulator: Emulator,
  runtime: TenantRuntime<B2CTenant> | undefined,
): Promise<HttpResponseInit> {
  const preflight = preflightResponse(request, 'token', emulator.config.cors);
  if (preflight) return preflight;
  const correlationId = randomUUID();
  const now = emulator.clock.now();
  const cors = corsHeaders(request, 'token', emulator.config.cors);
  // A span per grant, in the caller's trace: its type, and the B2C code of a refusal.
  return inGrantSpan('b2c.token', async (grant) => {
    try {
      const body = await exchangeToken(emulator, runtime, request, now);
      context.log(`token issued correlationId=${correlationId}`);
      grant.issued();
      return { status: 200, headers: { ...JSON_HEADERS, ...cors }, jsonBody: body };
    } catch (error) {
      if (!(error instanceof B2CError)) throw error;
      context.log(
        `token refused ${error.b2cCode} status=${error.status} correlationId=${correlationId}`,
      );
      grant.refused(error.b2cCode);
      return b2cErrorResponse(error, correlationId, now, cors);
    }
  });
}

for (const [name, route] of [
  ['token', '{tenant}/{policy}/oauth2/v2.0/token'],
  ['token-tfp', 'tfp/{tenant}/{policy}/oauth2/v2.0/token'],
] as const) {
  registerHttpFunction(name, {
    route,
    methods: ALL_METHODS,
    handler: b2cRoute(b2cTokenEndpoint),
    storageFailure: tokenStorageFailure,
  });
}
