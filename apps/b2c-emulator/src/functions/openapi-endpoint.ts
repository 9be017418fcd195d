import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { adminStorageFailure } from '../admin/admin-storage-failure';
import { getEmulator } from '../emulator-instance';
import { requestOrigin } from '../http/request-origin';
import { emulatorOpenApiDocument } from '../openapi/emulator-document';

/**
 * GET /.emulator/openapi.json: the emulator's OpenAPI 3.1 description, no admin key needed (it
 * holds no secret), `servers` set to the origin the request came to (or the pinned public URL).
 * Cacheable for five minutes: it changes only with a new build.
 */
export async function openApiEndpoint(request: HttpRequest): Promise<HttpResponseInit> {
  const emulator = await getEmulator();
  return {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
    jsonBody: emulatorOpenApiDocument(requestOrigin(request, emulator.config)),
  };
}

registerHttpFunction('emulator-openapi', {
  route: '.emulator/openapi.json',
  methods: ['GET'],
  handler: openApiEndpoint,
  storageFailure: adminStorageFailure,
});
