import { B2C_TOKEN_ERRORS, tokenOperation } from './token-operations';
import { headerRef, schemaRef } from './emulator-refs';
import { METADATA_NOT_FOUND, METADATA_UNAVAILABLE, PREFLIGHT } from './b2c-responses';

const tenant = {
  name: 'tenant',
  in: 'path',
  required: true,
  description: 'The tenant name (`contoso.onmicrosoft.com`) or its id.',
  schema: { type: 'string' },
} as const;
const policy = {
  name: 'policy',
  in: 'path',
  required: true,
  description: 'The user flow, any case (`B2C_1_ROPC_Auth`).',
  schema: { type: 'string' },
} as const;

/** A metadata GET (discovery or keys): 200 with `schema`, HEAD and OPTIONS alike. */
export function metadataOperations(
  id: string,
  summary: string,
  schema: object,
  extra: Readonly<Record<string, unknown>> = {},
) {
  const ok = {
    description: summary,
    headers: {
      'Cache-Control': headerRef('MetadataCache'),
      'Access-Control-Allow-Origin': headerRef('AllowAnyOrigin'),
    },
    content: { 'application/json': { schema } },
  };
  const responses = { '200': ok, '404': METADATA_NOT_FOUND, '503': METADATA_UNAVAILABLE, ...extra };
  const base = { tags: ['B2C metadata'], security: [] };
  return {
    get: { ...base, operationId: id, summary, responses },
    head: { ...base, operationId: `${id}Head`, summary: `${summary} (headers only)`, responses },
    options: {
      ...base,
      operationId: `${id}Options`,
      summary: `${summary}: CORS preflight`,
      description:
        'A preflight gets the CORS answer; any other OPTIONS request is answered like GET.',
      responses: { '204': PREFLIGHT, ...responses },
    },
  };
}

const discovery = (id: string) =>
  metadataOperations(id, "The policy's OpenID configuration", schemaRef('B2COpenIdConfiguration'));
const keys = (id: string) =>
  metadataOperations(id, "The policy's signing keys", schemaRef('JsonWebKeySet'));

/** B2C's per-policy routes: token, discovery and keys, in the path and tfp forms. */
export const B2C_PATHS = {
  '/{tenant}/{policy}/oauth2/v2.0/token': {
    parameters: [tenant, policy],
    ...tokenOperation('b2cToken', B2C_TOKEN_ERRORS),
  },
  '/tfp/{tenant}/{policy}/oauth2/v2.0/token': {
    parameters: [tenant, policy],
    ...tokenOperation('b2cTokenTfp', B2C_TOKEN_ERRORS),
  },
  '/{tenant}/{policy}/v2.0/.well-known/openid-configuration': {
    parameters: [tenant, policy],
    ...discovery('b2cDiscovery'),
  },
  '/tfp/{tenant}/{policy}/v2.0/.well-known/openid-configuration': {
    parameters: [tenant, policy],
    ...discovery('b2cDiscoveryTfp'),
  },
  '/{tenant}/{policy}/discovery/v2.0/keys': {
    parameters: [tenant, policy],
    ...keys('b2cKeys'),
  },
  '/tfp/{tenant}/{policy}/discovery/v2.0/keys': {
    parameters: [tenant, policy],
    ...keys('b2cKeysTfp'),
  },
} as const;

export { tenant as TENANT_PARAMETER };
