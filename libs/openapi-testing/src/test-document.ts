import type { OpenApiDocument } from './openapi-document';

/** A small document of the shapes the apps use, for this library's own tests. */
export const TEST_DOCUMENT: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Test', version: '1.0.0' },
  paths: {
    '/notes/{id}': {
      get: {
        responses: {
          '200': {
            description: 'The note',
            headers: {
              ETag: { required: true, schema: { type: 'string', pattern: '^"[0-9]+"$' } },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } },
          },
          '404': { $ref: '#/components/responses/Problem' },
        },
      },
      delete: { responses: { '204': { description: 'Deleted' } } },
      head: {
        responses: {
          '200': {
            description: 'The headers of GET',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } },
          },
        },
      },
    },
    '/notes/latest': {
      get: { responses: { default: { description: 'Anything', content: { 'text/plain': {} } } } },
    },
  },
  components: {
    schemas: {
      Note: {
        type: 'object',
        required: ['id', 'title', 'updatedAt'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
        additionalProperties: false,
      },
    },
    responses: {
      Problem: {
        description: 'A problem',
        content: {
          'application/problem+json': {
            schema: {
              type: 'object',
              required: ['status'],
              properties: { status: { type: 'integer' } },
            },
          },
        },
      },
    },
  },
};
