/**
 * Entra External ID's native-authentication shapes (docs/entra-native-auth-protocol.md), as the
 * emulator writes them with the protocol library's writers: each closed.
 */

const token = { type: 'string', minLength: 1 };
const closed = (required: readonly string[], properties: Readonly<Record<string, unknown>>) => ({
  type: 'object',
  required,
  properties,
  additionalProperties: false,
});
const attributeList = {
  type: 'array',
  items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
};

export const NATIVE_AUTH_SCHEMAS = {
  NativeAuthError: {
    ...closed(
      ['error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id'],
      {
        error: { type: 'string' },
        error_description: { type: 'string' },
        error_codes: { type: 'array', items: { type: 'integer' } },
        timestamp: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}Z$' },
        trace_id: { type: 'string', format: 'uuid' },
        correlation_id: { type: 'string', format: 'uuid' },
        suberror: { type: 'string' },
        continuation_token: token,
        required_attributes: attributeList,
        invalid_attributes: attributeList,
        unverified_attributes: attributeList,
      },
    ),
    description: 'The native-auth error envelope (§2.5).',
  },
  ContinuationResponse: closed(['continuation_token'], { continuation_token: token }),
  RedirectResponse: closed(['challenge_type'], {
    challenge_type: { const: 'redirect' },
    redirect_reason: { type: 'string' },
  }),
  PasswordChallengeResponse: closed(['continuation_token', 'challenge_type'], {
    continuation_token: token,
    challenge_type: { const: 'password' },
  }),
  OobChallengeResponse: closed(
    [
      'continuation_token',
      'challenge_type',
      'binding_method',
      'challenge_channel',
      'challenge_target_label',
      'code_length',
    ],
    {
      interval: { type: 'integer', description: 'Sign-up only.' },
      continuation_token: token,
      challenge_type: { const: 'oob' },
      binding_method: { type: 'string' },
      challenge_channel: { type: 'string' },
      challenge_target_label: { type: 'string' },
      code_length: { type: 'integer' },
    },
  ),
  ResetPasswordContinueResponse: closed(['expires_in', 'continuation_token'], {
    expires_in: { type: 'integer' },
    continuation_token: token,
  }),
  ResetPasswordSubmitResponse: closed(['continuation_token', 'poll_interval'], {
    continuation_token: token,
    poll_interval: { type: 'integer' },
  }),
  ResetPasswordPollResponse: closed(['status'], {
    status: { enum: ['not_started', 'in_progress', 'succeeded', 'failed'] },
    continuation_token: token,
  }),
  NativeTokenResponse: closed(
    [
      'token_type',
      'scope',
      'expires_in',
      'access_token',
      'refresh_token',
      'id_token',
      'client_info',
    ],
    {
      token_type: { const: 'Bearer' },
      scope: { type: 'string' },
      expires_in: { type: 'integer' },
      ext_expires_in: { type: 'integer' },
      refresh_token_expires_in: { type: 'integer' },
      access_token: token,
      refresh_token: token,
      id_token: token,
      client_info: { type: 'string' },
    },
  ),
  ExternalIdOpenIdConfiguration: {
    type: 'object',
    required: ['issuer', 'token_endpoint', 'jwks_uri', 'authorization_endpoint'],
    properties: {
      token_endpoint: { type: 'string', format: 'uri' },
      token_endpoint_auth_methods_supported: { type: 'array', items: { type: 'string' } },
      jwks_uri: { type: 'string', format: 'uri' },
      response_modes_supported: { type: 'array', items: { type: 'string' } },
      subject_types_supported: { type: 'array', items: { type: 'string' } },
      id_token_signing_alg_values_supported: { type: 'array', items: { type: 'string' } },
      response_types_supported: { type: 'array', items: { type: 'string' } },
      scopes_supported: { type: 'array', items: { type: 'string' } },
      issuer: { type: 'string', format: 'uri' },
      request_uri_parameter_supported: { type: 'boolean' },
      authorization_endpoint: { type: 'string', format: 'uri' },
      end_session_endpoint: { type: 'string', format: 'uri' },
      claims_supported: { type: 'array', items: { type: 'string' } },
      tenant_region_scope: { type: 'null' },
      cloud_instance_name: { type: 'string' },
    },
    additionalProperties: false,
  },
} as const;
