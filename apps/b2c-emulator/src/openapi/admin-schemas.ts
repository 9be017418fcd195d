/** The admin API's and the Graph-shaped users API's bodies. */

const closed = (required: readonly string[], properties: Readonly<Record<string, unknown>>) => ({
  type: 'object',
  required,
  properties,
  additionalProperties: false,
});

const nullableString = { type: ['string', 'null'] };

export const ADMIN_SCHEMAS = {
  AdminError: {
    ...closed(['error'], {
      error: closed(['code', 'message'], {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            anyOf: [
              closed(['code', 'target'], { code: { type: 'string' }, target: { type: 'string' } }),
              closed(['path', 'message'], {
                path: { type: 'string' },
                message: { type: 'string' },
              }),
            ],
          },
        },
      }),
    }),
    description:
      "Microsoft Graph's error shape. `details` names the offending property (Graph) or lists " +
      'every problem of an imported tenant file (`InvalidTenant`, with JSON paths).',
  },
  Health: {
    anyOf: [
      closed(['status', 'tenants'], {
        status: { const: 'ready' },
        tenant: { type: 'string', description: 'The first B2C tenant, when there is one.' },
        policies: { type: 'array', items: { type: 'string' } },
        tenants: {
          type: 'array',
          items: closed(['name', 'id', 'kind'], {
            name: { type: 'string' },
            id: { type: 'string', format: 'uuid' },
            kind: { enum: ['b2c', 'external-id'] },
          }),
        },
      }),
      closed(['status'], { status: { const: 'unavailable' } }),
    ],
  },
  KeyRotation: closed(['kid', 'nbf'], {
    kid: { type: 'string' },
    nbf: { type: 'integer', description: 'When the new key starts signing (epoch seconds).' },
  }),
  Cleanup: closed(['refreshGrants', 'lockouts', 'rateCounters', 'flows', 'outboxMessages'], {
    refreshGrants: { type: 'integer', minimum: 0 },
    lockouts: { type: 'integer', minimum: 0 },
    rateCounters: { type: 'integer', minimum: 0 },
    flows: { type: 'integer', minimum: 0 },
    outboxMessages: { type: 'integer', minimum: 0 },
  }),
  Clock: closed(['offsetSeconds', 'now'], {
    offsetSeconds: { type: 'number' },
    now: { type: 'string', format: 'date-time' },
  }),
  Outbox: closed(['messages'], {
    messages: {
      type: 'array',
      maxItems: 20,
      items: closed(['to', 'code', 'purpose', 'sentAt'], {
        to: { type: 'string' },
        code: { type: 'string' },
        purpose: { enum: ['sign-in', 'sign-up', 'password-reset'] },
        sentAt: { type: 'string', format: 'date-time' },
      }),
    },
  }),
  TenantFile: {
    type: 'object',
    description:
      'A tenant file (version 2 when exported; v1 or v2 on import), as src/tenant/tenant.schema.json ' +
      'describes it.',
  },
  GraphUser: {
    type: 'object',
    description:
      'A user as Graph returns it (only the `$select`ed properties when asked), custom attributes ' +
      'under `extension_{app id}_{name}`. Never a password.',
    properties: {
      '@odata.context': { type: 'string' },
      id: { type: 'string' },
      displayName: nullableString,
      givenName: nullableString,
      surname: nullableString,
      identities: {
        type: 'array',
        items: closed(['signInType', 'issuer', 'issuerAssignedId'], {
          signInType: { type: 'string' },
          issuer: { type: 'string' },
          issuerAssignedId: { type: 'string' },
        }),
      },
      accountEnabled: { type: 'boolean' },
      passwordPolicies: nullableString,
    },
    patternProperties: {
      '^extension_': { type: ['string', 'number', 'boolean', 'array', 'null'] },
    },
    additionalProperties: false,
  },
  GraphUserList: closed(['@odata.context', 'value'], {
    '@odata.context': { type: 'string' },
    value: { type: 'array', items: { $ref: '#/components/schemas/GraphUser' } },
  }),
  GraphBoolean: closed(['@odata.context', 'value'], {
    '@odata.context': { type: 'string' },
    value: { type: 'boolean' },
  }),
} as const;
