import { ADMIN_REFUSALS, adminError, tenantQuery } from './admin-paths';
import { headerRef, jsonResponse } from './emulator-refs';

const noStore = { 'Cache-Control': headerRef('NoStore') } as const;
const adminKey = [{ adminKey: [] }];
const tags = ['console'];

/** The headers every console file is served with (console-page-endpoint.ts). */
const consoleHeaders = (cache: string) => ({
  'Content-Security-Policy': {
    description: 'Own script, style sheet and fetches only: nothing inline, no framing.',
    required: true,
    schema: {
      const:
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
        "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
  },
  'X-Content-Type-Options': { required: true, schema: { const: 'nosniff' } },
  'Referrer-Policy': { required: true, schema: { const: 'no-referrer' } },
  'X-Frame-Options': { required: true, schema: { const: 'DENY' } },
  'Cache-Control': { required: true, schema: { const: cache } },
});

const consoleFile = (mediaType: string, cache: string) => ({
  description: 'The file.',
  headers: consoleHeaders(cache),
  content: { [mediaType]: { schema: { type: 'string' } } },
});

const consoleMissing = {
  description: 'No such console file, or the console was not built.',
  content: { 'text/plain': { schema: { type: 'string' } } },
};

/**
 * The emulator console's page and files (public: the page shows nothing until the admin key is
 * entered) and the admin routes only it needed: the tenant list and the identity-protection view.
 */
export const CONSOLE_PATHS = {
  '/.emulator/console': {
    get: {
      operationId: 'consolePage',
      tags,
      summary: 'The emulator console page',
      description: 'No admin key needed to load it; every value it shows comes from the admin API.',
      security: [],
      responses: {
        '200': consoleFile('text/html', 'no-store'),
        '404': consoleMissing,
      },
    },
  },
  '/.emulator/console/{asset}': {
    get: {
      operationId: 'consoleAsset',
      tags,
      summary: "The console's script or style sheet",
      security: [],
      parameters: [
        {
          name: 'asset',
          in: 'path',
          required: true,
          description: '`console.js` or `console.css`; anything else is 404.',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': {
          description: 'The file.',
          headers: consoleHeaders('no-cache'),
          content: {
            'text/javascript': { schema: { type: 'string' } },
            'text/css': { schema: { type: 'string' } },
          },
        },
        '404': consoleMissing,
      },
    },
  },
  '/.emulator/tenants': {
    get: {
      operationId: 'listTenants',
      tags,
      summary: 'Every tenant of the file, with counts and public key facts',
      security: adminKey,
      responses: {
        '200': jsonResponse('The tenants, in the file’s order.', 'TenantList', noStore),
        ...ADMIN_REFUSALS,
      },
    },
  },
  '/.emulator/protection': {
    get: {
      operationId: 'protectionState',
      tags,
      summary: "A tenant's smart-lockout entries and service-limit counters",
      description:
        'Live lockout pairs (failures, locks, until when) and the counters of windows not yet ' +
        "ended, by the emulator's clock. Never a password fingerprint.",
      security: adminKey,
      parameters: [tenantQuery],
      responses: {
        '200': jsonResponse('The state.', 'ProtectionState', noStore),
        '400': adminError('`tenant` repeated (`BadRequest`).'),
        ...ADMIN_REFUSALS,
      },
    },
  },
  '/.emulator/protection/unlock': {
    post: {
      operationId: 'unlockAccount',
      tags,
      summary: "Forget an account's lockout state",
      description:
        'Every pair of the account, or the one named by `clientIp` (null: External ID’s ' +
        'per-account lock). Asking twice answers `cleared: 0`.',
      security: adminKey,
      parameters: [tenantQuery],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['account'],
              additionalProperties: false,
              properties: {
                account: { type: 'string', minLength: 1, maxLength: 320 },
                clientIp: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
              },
            },
          },
        },
      },
      responses: {
        '200': jsonResponse('How many pairs were forgotten.', 'UnlockResult', noStore),
        '400': adminError('Not a JSON object, or a bad or unknown property (`BadRequest`).'),
        '413': adminError('The body is larger than 1 KiB (`RequestTooLarge`).'),
        '415': adminError('The body is not `application/json` (`UnsupportedMediaType`).'),
        ...ADMIN_REFUSALS,
      },
    },
  },
} as const;

const closed = (required: readonly string[], properties: Readonly<Record<string, unknown>>) => ({
  type: 'object',
  required,
  properties,
  additionalProperties: false,
});
const isoTime = { type: 'string', format: 'date-time' };
const requestLimit = {
  anyOf: [
    closed(['requests', 'windowSeconds'], {
      requests: { type: 'integer', minimum: 1 },
      windowSeconds: { type: 'integer', minimum: 1 },
    }),
    { type: 'null' },
  ],
};

/** The bodies of the console's admin routes. */
export const CONSOLE_SCHEMAS = {
  TenantList: closed(['tenants'], {
    tenants: {
      type: 'array',
      items: closed(
        ['name', 'id', 'kind', 'default', 'userFlows', 'applications', 'userCount', 'signingKeys'],
        {
          name: { type: 'string' },
          id: { type: 'string', format: 'uuid' },
          kind: { enum: ['b2c', 'external-id'] },
          default: { type: 'boolean', description: 'Admin routes act on it without `?tenant=`.' },
          userFlows: { type: 'array', items: { type: 'string' } },
          applications: {
            type: 'array',
            items: closed(['id', 'name', 'enabled'], {
              id: { type: 'string' },
              name: { type: 'string' },
              enabled: { type: 'boolean' },
            }),
          },
          userCount: { type: 'integer', minimum: 0 },
          signingKeys: {
            type: 'array',
            items: closed(['kid', 'nbf', 'status'], {
              kid: { type: 'string' },
              nbf: isoTime,
              status: { enum: ['signing', 'next', 'previous'] },
            }),
          },
        },
      ),
    },
  }),
  ProtectionState: closed(['tenant', 'settings', 'lockouts', 'serviceLimits'], {
    tenant: { type: 'string' },
    settings: closed(
      [
        'lockoutThreshold',
        'lockoutDurationSeconds',
        'lockoutsPerStep',
        'maxLockoutSeconds',
        'ipRequestLimit',
        'tenantRequestLimit',
      ],
      {
        lockoutThreshold: { type: 'integer' },
        lockoutDurationSeconds: { type: 'integer' },
        lockoutsPerStep: { type: 'integer' },
        maxLockoutSeconds: { type: 'integer' },
        ipRequestLimit: requestLimit,
        tenantRequestLimit: requestLimit,
      },
    ),
    lockouts: {
      type: 'array',
      items: closed(['account', 'clientIp', 'failures', 'lockouts', 'locked', 'lockedUntil'], {
        account: { type: 'string' },
        clientIp: { type: ['string', 'null'] },
        failures: { type: 'integer', minimum: 0 },
        lockouts: { type: 'integer', minimum: 0 },
        locked: { type: 'boolean' },
        lockedUntil: { anyOf: [isoTime, { type: 'null' }] },
      }),
    },
    serviceLimits: {
      type: 'array',
      items: closed(
        [
          'scope',
          'clientIp',
          'count',
          'limit',
          'windowSeconds',
          'windowStart',
          'windowEnd',
          'limited',
        ],
        {
          scope: { enum: ['client', 'tenant'] },
          clientIp: { type: ['string', 'null'] },
          count: { type: 'integer', minimum: 0 },
          limit: { type: 'integer', minimum: 1 },
          windowSeconds: { type: 'integer', minimum: 1 },
          windowStart: isoTime,
          windowEnd: isoTime,
          limited: { type: 'boolean' },
        },
      ),
    },
  }),
  UnlockResult: closed(['cleared'], { cleared: { type: 'integer', minimum: 0 } }),
} as const;
