/**
 * The paths both authority kinds have: `{tenant}/oauth2/v2.0/token`, discovery and keys without a
 * policy segment. The route resolves the tenant once and its kind answers (a B2C tenant: ROPC
 * with `?p=`; an External ID tenant: native authentication), including to a storage failure.
 */
import type { HttpRequest } from '@azure/functions';
import { registerHttpFunction, type StorageFailureAnswer } from '@ropc/functions-edge';
import { metadataStorageFailure, tokenStorageFailure } from '../b2c/b2c-storage-failure';
import { b2cDiscoveryEndpoint } from '../b2c/functions/discovery-endpoint';
import { b2cJwksEndpoint } from '../b2c/functions/jwks-endpoint';
import { ALL_METHODS, b2cTokenEndpoint } from '../b2c/functions/token-endpoint';
import { runningEmulator } from '../emulator-instance';
import { externalIdDiscovery, externalIdJwks } from '../external-id/native-auth-metadata';
import { nativeAuthEndpoint } from '../external-id/native-auth-endpoint';
import { nativeAuthStorageFailure } from '../external-id/native-auth-storage-failure';
import { nativeAuthToken } from '../external-id/token-grants';
import { kindRoute } from './tenant-route';

function isExternalIdRequest(request: HttpRequest): boolean {
  const segment = request.params['tenant'];
  return segment !== undefined && runningEmulator()?.tenantAt(segment)?.isExternalId() === true;
}

function byKind(b2c: StorageFailureAnswer, externalId: StorageFailureAnswer): StorageFailureAnswer {
  return (error, request, correlationId) =>
    (isExternalIdRequest(request) ? externalId : b2c)(error, request, correlationId);
}

registerHttpFunction('token-query', {
  route: '{tenant}/oauth2/v2.0/token',
  methods: ALL_METHODS,
  handler: kindRoute({
    b2c: b2cTokenEndpoint,
    externalId: nativeAuthEndpoint('native-token', nativeAuthToken, { tenantIdAlways: true }),
  }),
  storageFailure: byKind(tokenStorageFailure, nativeAuthStorageFailure),
});
registerHttpFunction('discovery-query', {
  route: '{tenant}/v2.0/.well-known/openid-configuration',
  methods: ['GET', 'HEAD', 'OPTIONS'],
  handler: kindRoute({ b2c: b2cDiscoveryEndpoint, externalId: externalIdDiscovery }),
  storageFailure: metadataStorageFailure,
});
registerHttpFunction('jwks-query', {
  route: '{tenant}/discovery/v2.0/keys',
  methods: ['GET', 'HEAD', 'OPTIONS'],
  handler: kindRoute({ b2c: b2cJwksEndpoint, externalId: externalIdJwks }),
  storageFailure: metadataStorageFailure,
});
