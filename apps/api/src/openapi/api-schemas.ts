/**
 * The component schemas of the API's description (JSON Schema 2020-12). Shapes the code writes
 * itself are closed (`additionalProperties: false`); bodies relayed from the authority are open,
 * since the authority may add fields the proxy passes on as they are.
 */

const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

const problemBase = {
  type: { type: 'string', format: 'uri', description: 'The RFC 9110 section of the status.' },
  title: { type: 'string', description: "The status's reason phrase." },
  status: { type: 'integer', enum: [400, 403, 404, 409, 412, 413, 415, 503] },
  detail: { type: 'string', description: 'What went wrong with this request.' },
} as const;

export const API_SCHEMAS = {
  Health: {
    type: 'object',
    required: ['status'],
    properties: { status: { const: 'ok' } },
    additionalProperties: false,
  },
  Me: {
    type: 'object',
    description: 'Who the access token says the caller is, and which authority issued it.',
    required: ['oid', 'name', 'emails', 'scopes', 'policy', 'authority', 'issuedAt', 'expiresAt'],
    properties: {
      oid: { type: ['string', 'null'] },
      name: { type: ['string', 'null'] },
      emails: { type: 'array', items: { type: 'string' } },
      scopes: { type: 'array', items: { type: 'string' } },
      policy: {
        type: ['string', 'null'],
        description: "The B2C user flow; null for External ID's tokens, which name none.",
      },
      authority: { type: 'string', format: 'uri' },
      issuedAt: { type: 'string', format: 'date-time' },
      expiresAt: { type: 'string', format: 'date-time' },
    },
    additionalProperties: false,
  },
  Note: {
    type: 'object',
    required: ['id', 'title', 'body', 'createdAt', 'updatedAt'],
    properties: {
      id: { type: 'string', pattern: UUID },
      title: { type: 'string', minLength: 1, description: '1–200 code points, trimmed.' },
      body: { type: 'string', description: 'At most 10,000 code points.' },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
    additionalProperties: false,
  },
  NoteList: {
    type: 'object',
    description: "The caller's notes, newest first.",
    required: ['items'],
    properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Note' } } },
    additionalProperties: false,
  },
  NoteInput: {
    type: 'object',
    required: ['title'],
    properties: {
      title: { type: 'string', description: '1–200 code points after trimming.' },
      body: { type: 'string', description: 'At most 10,000 code points; default "".' },
    },
    additionalProperties: false,
  },
  ProblemDetails: {
    type: 'object',
    description:
      'RFC 9457 problem details. `errors` (property → messages) is present only on a 400 for an ' +
      'invalid note.',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      ...problemBase,
      errors: {
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string' }, minItems: 1 },
      },
    },
    additionalProperties: false,
  },
  BearerError: {
    type: 'object',
    description:
      'A refused access token (RFC 6750): `unauthorized` when none was sent, else the error of the ' +
      '`WWW-Authenticate` challenge; `temporarily_unavailable` while the issuer keys are unknown.',
    required: ['error', 'error_description'],
    properties: {
      error: {
        enum: [
          'unauthorized',
          'invalid_request',
          'invalid_token',
          'insufficient_scope',
          'temporarily_unavailable',
        ],
      },
      error_description: { type: 'string' },
    },
    additionalProperties: false,
  },
  B2CError: {
    type: 'object',
    description:
      "B2C's error body: the proxy's own refusals (`error_description` = first line, " +
      "`Correlation ID:` and `Timestamp:` lines) and the authority's 4xx answers relayed as they " +
      "are. `reason` is on the proxy's own 429 only.",
    required: ['error', 'error_description'],
    properties: {
      error: { type: 'string' },
      error_description: { type: 'string' },
      reason: { enum: ['throttled', 'account_protected'] },
    },
  },
  ProxyTokenResponse: {
    type: 'object',
    description:
      "The authority's token response minus `refresh_token`, which the proxy keeps in the " +
      '`ropc_session` cookie.',
    required: ['token_type'],
    properties: {
      access_token: { type: 'string' },
      id_token: { type: 'string' },
      token_type: { type: 'string' },
      expires_in: { type: ['integer', 'string'] },
      refresh_token_expires_in: { type: ['integer', 'string'] },
      refresh_token: false,
    },
  },
  NativeAuthError: {
    type: 'object',
    description:
      "Entra's native-auth error envelope. The proxy's own refusals carry every tracing field " +
      "(`error_codes`, `timestamp`, `trace_id`, `correlation_id`); the authority's errors are " +
      "relayed as it sent them, a `continuation_token` replaced by the proxy's wrapper of it.",
    required: ['error', 'error_description'],
    properties: {
      error: { type: 'string' },
      error_description: { type: 'string' },
      error_codes: { type: 'array', items: { type: 'integer' } },
      timestamp: { type: 'string' },
      trace_id: { type: 'string' },
      correlation_id: { type: 'string' },
      suberror: { type: 'string' },
      continuation_token: { type: 'string' },
      required_attributes: { type: 'array', items: { type: 'object' } },
      invalid_attributes: { type: 'array', items: { type: 'object' } },
      unverified_attributes: { type: 'array', items: { type: 'object' } },
    },
  },
  NativeAuthAnswer: {
    type: 'object',
    description:
      "The authority's 200 answer as relayed: a continuation token (the proxy's wrapper of the " +
      "authority's), a challenge, a redirect, a reset-password status, or tokens. In cookie mode " +
      'the tokens lack `refresh_token` (it is in the `ropc_session` cookie).',
    properties: {
      continuation_token: { type: 'string' },
      challenge_type: { type: 'string' },
      binding_method: { type: 'string' },
      challenge_channel: { type: 'string' },
      challenge_target_label: { type: 'string' },
      code_length: { type: 'integer' },
      interval: { type: 'integer' },
      expires_in: { type: 'integer' },
      poll_interval: { type: 'integer' },
      status: { type: 'string' },
      token_type: { type: 'string' },
      scope: { type: 'string' },
      access_token: { type: 'string' },
      refresh_token: { type: 'string' },
      id_token: { type: 'string' },
      client_info: { type: 'string' },
    },
  },
} as const;
