import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { getApi } from '../api-instance';
import { nativeCall } from '../proxy/native/native-call';
import { nativeErrorResponse } from '../proxy/native/native-error';
import { nativeStorageFailure } from '../proxy/native/native-storage-failure';

/**
 * POST /api/auth/native/{*path}: Entra External ID's native authentication through the proxy —
 * exactly the twelve V1 paths (anything else 404), forwarded to `EXTERNAL_ID_AUTHORITY` with the
 * proxy's own client id, under the identity protection of `native-call.ts`. 404 when no External
 * ID authority is configured.
 */
export async function authNative(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const { nativeProxy } = await getApi();
  if (!nativeProxy) return nativeErrorResponse({ kind: 'not_found' }, request);
  return nativeCall(nativeProxy, request, request.params['path'] ?? '', (line) => {
    context.log(line);
  });
}

registerHttpFunction('auth-native', {
  route: 'auth/native/{*path}',
  methods: ['POST'],
  handler: authNative,
  storageFailure: nativeStorageFailure,
});
