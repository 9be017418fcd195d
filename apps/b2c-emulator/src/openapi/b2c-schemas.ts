/** B2C's wire shapes (docs/b2c-ropc-protocol.md), closed where the emulator writes them whole. */

const JWT = { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' };

export const B2C_SCHEMAS = {
  B2CError: {
    type: 'object',
    description:
      "B2C's error body, exactly two fields; `error_description` is `AADB2Cxxxxx: message`, " +
      '`Correlation ID: …` and `Timestamp: …` lines ended by CRLF.',
    required: ['error', 'error_description'],
    properties: {
      error: { type: 'string' },
      error_description: { type: 'string', pattern: '^AADB2C[0-9]+: ' },
    },
    additionalProperties: false,
  },
  B2CTokenResponse: {
    type: 'object',
    description: "The tokens in B2C's field order; which are present follows the scopes asked.",
    required: ['token_type', 'not_before', 'profile_info'],
    properties: {
      access_token: JWT,
      id_token: JWT,
      token_type: { const: 'Bearer' },
      not_before: { type: 'integer' },
      expires_in: {
        type: ['integer', 'string'],
        description: 'A string when the user flow says `expiresInAsString`.',
      },
      expires_on: { type: 'integer' },
      resource: { type: 'string' },
      id_token_expires_in: { type: 'integer' },
      profile_info: { type: 'string' },
      refresh_token: { type: 'string' },
      refresh_token_expires_in: { type: 'integer' },
    },
    additionalProperties: false,
  },
  B2COpenIdConfiguration: {
    type: 'object',
    required: [
      'issuer',
      'authorization_endpoint',
      'token_endpoint',
      'jwks_uri',
      'response_modes_supported',
      'response_types_supported',
      'scopes_supported',
      'subject_types_supported',
      'id_token_signing_alg_values_supported',
      'token_endpoint_auth_methods_supported',
      'claims_supported',
    ],
    properties: {
      issuer: { type: 'string', format: 'uri' },
      authorization_endpoint: { type: 'string', format: 'uri' },
      token_endpoint: { type: 'string', format: 'uri' },
      jwks_uri: { type: 'string', format: 'uri' },
      response_modes_supported: { type: 'array', items: { type: 'string' } },
      response_types_supported: { type: 'array', items: { type: 'string' } },
      scopes_supported: { type: 'array', items: { type: 'string' } },
      subject_types_supported: { type: 'array', items: { type: 'string' } },
      id_token_signing_alg_values_supported: { type: 'array', items: { type: 'string' } },
      token_endpoint_auth_methods_supported: { type: 'array', items: { type: 'string' } },
      claims_supported: { type: 'array', items: { type: 'string' } },
    },
    additionalProperties: false,
  },
  JsonWebKeySet: {
    type: 'object',
    description:
      'The current signing key and, after a rotation, the previous one: each exactly `kid`, ' +
      '`nbf`, `use`, `kty`, `e`, `n`.',
    required: ['keys'],
    properties: {
      keys: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kid', 'nbf', 'use', 'kty', 'e', 'n'],
          properties: {
            kid: { type: 'string' },
            nbf: { type: 'integer' },
            use: { const: 'sig' },
            kty: { const: 'RSA' },
            e: { type: 'string' },
            n: { type: 'string' },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
} as const;
