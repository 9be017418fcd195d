import { b2cTokenError, PREFLIGHT, TOKEN_HEADERS } from './b2c-responses';
import { headerRef, responseRef, schemaRef } from './emulator-refs';

type Responses = Readonly<Record<string, unknown>>;

/** The B2C token endpoint's refusals: B2C's error body, status by error code. */
export const B2C_TOKEN_ERROR_RESPONSES = {
  '400': b2cTokenError(
    'Anything a client can get wrong (AADB2C codes), a wrong password, a locked account ' +
      '(AADB2C90114, with `Retry-After`), a method other than POST (AADB2C90226).',
    { 'Retry-After': headerRef('RetryAfterMaybe') },
  ),
  '401': b2cTokenError('The client is unknown or not allowed this grant.'),
  '413': b2cTokenError('The form is larger than 16 KiB (AADB2C90021).'),
  '429': b2cTokenError('Over the per-IP or per-tenant request limit (AADB2C90244).', {
    'Retry-After': headerRef('RetryAfter'),
  }),
  '503': b2cTokenError('The state storage is failing (AADB2C90035).', {
    'Retry-After': headerRef('RetryAfter'),
  }),
} as const;

/** The same refusals as `$ref`s to `#/components/responses/B2CToken{status}`. */
export const B2C_TOKEN_ERRORS = Object.fromEntries(
  Object.keys(B2C_TOKEN_ERROR_RESPONSES).map((status) => [
    status,
    responseRef(`B2CToken${status}`),
  ]),
);

export const B2C_TOKEN_FORM = {
  type: 'object',
  description:
    'At most 16 KiB. `client_id` and `grant_type` always; `username` and `password` for the ' +
    'password grant, `refresh_token` for the refresh grant; `scope` (or `resource`).',
  required: ['grant_type', 'client_id'],
  properties: {
    grant_type: { enum: ['password', 'refresh_token'] },
    client_id: { type: 'string' },
    username: { type: 'string' },
    password: { type: 'string', format: 'password' },
    refresh_token: { type: 'string' },
    scope: { type: 'string' },
    resource: { type: 'string' },
    response_type: { type: 'string' },
  },
} as const;

const WRONG_METHODS = ['get', 'put', 'patch', 'delete', 'head'] as const;

/**
 * The token endpoint's operations: POST, and every other method routed on purpose so that it gets
 * the endpoint's own error (B2C's AADB2C90226, or the native envelope's `invalid_request`) rather
 * than a bare 405; OPTIONS answers a preflight the CORS mode allows, else as any other method.
 */
export function tokenOperation(
  id: string,
  errors: Responses,
  options: {
    readonly tags?: readonly string[];
    readonly success?: object;
    readonly form?: object;
    readonly description?: string;
  } = {},
) {
  const tags = options.tags ?? ['B2C token'];
  const wrongMethod = {
    tags,
    security: [],
    description: "Not POST: answered with the endpoint's error for a wrong method.",
    responses: errors,
  };
  return {
    post: {
      operationId: id,
      tags,
      security: [],
      summary: 'Token endpoint',
      description:
        options.description ??
        "B2C's ROPC token endpoint: the password and refresh_token grants (form bodies only).",
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': { schema: options.form ?? B2C_TOKEN_FORM },
        },
      },
      responses: {
        '200': {
          description: 'The tokens.',
          headers: TOKEN_HEADERS,
          content: {
            'application/json': { schema: options.success ?? schemaRef('B2CTokenResponse') },
          },
        },
        ...errors,
      },
    },
    ...Object.fromEntries(
      WRONG_METHODS.map((method) => [
        method,
        {
          ...wrongMethod,
          operationId: `${id}_${method}`,
          summary: `Token endpoint: ${method.toUpperCase()}`,
        },
      ]),
    ),
    options: {
      ...wrongMethod,
      operationId: `${id}_options`,
      summary: 'Token endpoint: CORS preflight',
      description:
        'With `--cors permissive`, a preflight from a browser Origin gets the CORS answer; any ' +
        'other OPTIONS request is answered as a wrong method.',
      responses: { '204': PREFLIGHT, ...errors },
    },
  };
}
