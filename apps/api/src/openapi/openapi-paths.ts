/** `GET /api/openapi.json`: this description itself. */
export const OPENAPI_PATHS = {
  '/api/openapi.json': {
    get: {
      operationId: 'getOpenApiDocument',
      tags: ['meta'],
      summary: 'This OpenAPI description',
      description:
        "The API's OpenAPI 3.1 description, `servers` set to the origin the request came to.",
      security: [],
      responses: {
        '200': {
          description: 'The description.',
          headers: {
            'Cache-Control': {
              description: 'Cacheable for five minutes: it changes only with a deployment.',
              required: true,
              schema: { type: 'string', const: 'public, max-age=300' },
            },
          },
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['openapi', 'info', 'paths'],
                properties: {
                  openapi: { const: '3.1.0' },
                  info: { type: 'object' },
                  paths: { type: 'object' },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
