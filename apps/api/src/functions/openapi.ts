import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { problemStorageFailure } from '../http/problem-storage-failure';
import { apiOpenApiDocument } from '../openapi/api-document';

/**
 * GET /api/openapi.json: the API's OpenAPI 3.1 description, public, with `servers` set to the
 * origin the request came to. Cacheable for five minutes: it changes only with a deployment.
 */
export function openApiDocument(request: HttpRequest): Promise<HttpResponseInit> {
  return Promise.resolve({
    status: 200,
    headers: { 'Cache-Control': 'public, max-age=300' },
    jsonBody: apiOpenApiDocument(new URL(request.url).origin),
  });
}

registerHttpFunction('openapi', {
  route: 'openapi.json',
  methods: ['GET'],
  handler: openApiDocument,
  storageFailure: problemStorageFailure,
});
