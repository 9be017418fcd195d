import { headerRef, jsonResponse, responseRef, schemaRef } from './emulator-refs';

const noStore = { 'Cache-Control': headerRef('NoStore') } as const;
const adminKey = [{ adminKey: [] }];
const tags = ['admin'];

/** An admin error answer (Graph's shape). */
export const adminError = (description: string, headers: Readonly<Record<string, unknown>> = {}) =>
  jsonResponse(description, 'AdminError', { ...noStore, ...headers });

export const tenantQuery = {
  name: 'tenant',
  in: 'query',
  required: false,
  description: 'The tenant (domain name or id, any case); default the first B2C tenant.',
  schema: { type: 'string' },
} as const;

/** The answers of every route behind the admin key. */
export const ADMIN_REFUSALS = {
  '401': responseRef('AdminUnauthorized'),
  '404': responseRef('AdminNotFound'),
  '503': responseRef('AdminUnavailable'),
} as const;

const jsonBody = (schema: object) => ({
  required: false,
  content: { 'application/json': { schema } },
});

const bodyRefusals = {
  '400': adminError('The body is not a JSON object, or a value is out of range (`BadRequest`).'),
  '413': adminError('The body is too large (`RequestTooLarge`).'),
  '415': adminError('The body is not `application/json` (`UnsupportedMediaType`).'),
} as const;

/** `/.emulator/*`: health (no key), reset, keys, cleanup, clock, tenant export/import, outbox. */
export const ADMIN_PATHS = {
  '/.emulator/health': {
    get: {
      operationId: 'health',
      tags,
      summary: 'Readiness',
      description: 'No admin key needed. 200 once the tenants are loaded and keys are ready.',
      security: [],
      responses: {
        '200': jsonResponse('Ready.', 'Health', noStore),
        '503': jsonResponse('Not ready: the tenants could not be loaded.', 'Health', noStore),
      },
    },
  },
  '/.emulator/reset': {
    post: {
      operationId: 'reset',
      tags,
      summary: 'Reset every tenant to the tenant file',
      security: adminKey,
      responses: {
        '204': { description: 'Reset: users, grants, lockouts, flows, outbox and the clock.' },
        '409': adminError('The file now names other tenants (`TenantSetChanged`): restart.'),
        ...ADMIN_REFUSALS,
      },
    },
  },
  '/.emulator/keys/rotate': {
    post: {
      operationId: 'rotateKeys',
      tags,
      summary: "Rotate a tenant's signing key",
      description:
        'The new key is published at once and signs after `delaySeconds` (default ' +
        '`B2C_EMULATOR_KEY_ROLLOVER_SECONDS`); the replaced key stays published.',
      security: adminKey,
      parameters: [tenantQuery],
      requestBody: jsonBody({
        type: 'object',
        properties: { delaySeconds: { type: 'integer', minimum: 0, maximum: 86_400 } },
      }),
      responses: {
        '200': jsonResponse('The new key.', 'KeyRotation', noStore),
        ...bodyRefusals,
        ...ADMIN_REFUSALS,
      },
    },
  },
  '/.emulator/cleanup': {
    post: {
      operationId: 'cleanup',
      tags,
      summary: "Run the cleanup timer's sweep now",
      security: adminKey,
      responses: {
        '200': jsonResponse('What was deleted, per store.', 'Cleanup', noStore),
        ...ADMIN_REFUSALS,
      },
    },
  },
  '/.emulator/clock': {
    get: {
      operationId: 'getClock',
      tags,
      summary: "The emulator clock's offset",
      security: adminKey,
      responses: { '200': jsonResponse('The clock.', 'Clock', noStore), ...ADMIN_REFUSALS },
    },
    post: {
      operationId: 'setClock',
      tags,
      summary: "Move the emulator's clock",
      description: 'Moves token times, refresh windows, lockout and rate windows (±10 years).',
      security: adminKey,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['offsetSeconds'],
              properties: { offsetSeconds: { type: 'number' } },
            },
          },
        },
      },
      responses: {
        '200': jsonResponse('The clock.', 'Clock', noStore),
        ...bodyRefusals,
        ...ADMIN_REFUSALS,
      },
    },
  },
  '/.emulator/tenant': {
    get: {
      operationId: 'exportTenant',
      tags,
      summary: 'Export the current state as a tenant file',
      description: 'Version 2, every tenant; password hashes, never passwords.',
      security: adminKey,
      responses: {
        '200': jsonResponse('The tenant file.', 'TenantFile', noStore),
        ...ADMIN_REFUSALS,
      },
    },
    put: {
      operationId: 'importTenant',
      tags,
      summary: 'Import a tenant file',
      description: 'Replaces every tenant (same ids, kinds and order) and all state but the clock.',
      security: adminKey,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: schemaRef('TenantFile') } },
      },
      responses: {
        '204': { description: 'Imported.', headers: noStore },
        ...bodyRefusals,
        '400': adminError(
          'Not a JSON object (`BadRequest`), or not a valid tenant file (`InvalidTenant`, every ' +
            'problem in `details` with its JSON path).',
        ),
        '409': adminError('The file names other tenants (`TenantSetChanged`): restart.'),
        ...ADMIN_REFUSALS,
      },
    },
  },
  '/.emulator/outbox': {
    get: {
      operationId: 'outbox',
      tags,
      summary: 'One-time codes sent to an address',
      description: 'Newest first, at most 20, each kept an hour.',
      security: adminKey,
      parameters: [
        {
          name: 'to',
          in: 'query',
          required: true,
          description: 'The address, once, 1 to 320 characters (compared as usernames are).',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': jsonResponse('The messages.', 'Outbox', noStore),
        '400': adminError('`to` missing, repeated or too long (`BadRequest`).'),
        ...ADMIN_REFUSALS,
      },
    },
  },
  '/.emulator/openapi.json': {
    get: {
      operationId: 'openApiDocument',
      tags: ['meta'],
      summary: 'This OpenAPI description',
      description: '`servers` set to the origin the request came to. No admin key needed.',
      security: [],
      responses: {
        '200': {
          description: 'The description.',
          headers: {
            'Cache-Control': {
              description: 'Cacheable for five minutes: it changes only with a new build.',
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

/** components.responses of the admin routes. */
export const ADMIN_RESPONSES = {
  AdminUnauthorized: jsonResponse(
    'The admin key is missing or wrong (`InvalidAuthenticationToken`).',
    'AdminError',
    { 'WWW-Authenticate': headerRef('AdminChallenge') },
  ),
  AdminNotFound: jsonResponse(
    'The admin API is off (no admin key configured, `NotFound`), an unknown `?tenant=` ' +
      '(`TenantNotFound`), or no such user (`Request_ResourceNotFound`).',
    'AdminError',
    noStore,
  ),
  AdminUnavailable: jsonResponse(
    'The state storage is failing (`serviceNotAvailable`).',
    'AdminError',
    { ...noStore, 'Retry-After': headerRef('RetryAfter') },
  ),
} as const;
