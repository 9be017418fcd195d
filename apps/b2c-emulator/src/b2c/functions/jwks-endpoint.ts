import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import type { B2CJsonWebKeySet } from '@ropc/protocol';
import { getEmulator } from '../../emulator-instance';
import { metadataStorageFailure } from '../b2c-storage-failure';
import { policyMetadataResponse } from '../policy-metadata-response';

/**
 * GET the policy's key set: the current and the previous signing key, each with exactly
 * kid, nbf, use, kty, e, n (docs/b2c-ropc-protocol.md §1.4).
 */
export async function jwksEndpoint(request: HttpRequest): Promise<HttpResponseInit> {
  const emulator = await getEmulator();
  const keys = await emulator.stores.keys.published();
  const body: B2CJsonWebKeySet = { keys: keys.map((key) => key.jwk) };
  return policyMetadataResponse(emulator, request, 300, () => body);
}

for (const [name, route] of [
  ['jwks', '{tenant}/{policy}/discovery/v2.0/keys'],
  ['jwks-query', '{tenant}/discovery/v2.0/keys'],
  ['jwks-tfp', 'tfp/{tenant}/{policy}/discovery/v2.0/keys'],
] as const) {
  registerHttpFunction(name, {
    route,
    methods: ['GET', 'HEAD', 'OPTIONS'],
    handler: jwksEndpoint,
    storageFailure: metadataStorageFailure,
  });
}
