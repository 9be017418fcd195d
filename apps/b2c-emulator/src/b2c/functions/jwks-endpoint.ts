import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import type { B2CJsonWebKeySet } from '@ropc/protocol';
import type { Emulator } from '../../emulator';
import { b2cRoute } from '../../functions/tenant-route';
import type { B2CTenant } from '../../tenant/tenant-model';
import type { TenantRuntime } from '../../tenant/tenant-runtime';
import { metadataStorageFailure } from '../b2c-storage-failure';
import { policyMetadataResponse } from '../policy-metadata-response';

/**
 * GET the policy's key set: the current and the previous signing key, each with exactly
 * kid, nbf, use, kty, e, n (docs/b2c-ropc-protocol.md §1.4).
 */
export async function b2cJwksEndpoint(
  request: HttpRequest,
  _context: InvocationContext,
  emulator: Emulator,
  runtime: TenantRuntime<B2CTenant> | undefined,
): Promise<HttpResponseInit> {
  const keys = runtime ? await runtime.keys.published() : [];
  const body: B2CJsonWebKeySet = { keys: keys.map((key) => key.jwk) };
  return policyMetadataResponse(emulator, runtime?.tenant, request, 300, () => body);
}

for (const [name, route] of [
  ['jwks', '{tenant}/{policy}/discovery/v2.0/keys'],
  ['jwks-tfp', 'tfp/{tenant}/{policy}/discovery/v2.0/keys'],
] as const) {
  registerHttpFunction(name, {
    route,
    methods: ['GET', 'HEAD', 'OPTIONS'],
    handler: b2cRoute(b2cJwksEndpoint),
    storageFailure: metadataStorageFailure,
  });
}
