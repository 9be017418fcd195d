import { headerRef, schemaRef } from './emulator-refs';
import { metadataOperations, TENANT_PARAMETER } from './b2c-paths';
import { TOKEN_HEADERS } from './b2c-responses';
import { NATIVE_ERROR_RESPONSES, NATIVE_FORM } from './native-auth-paths';
import {
  B2C_TOKEN_ERROR_RESPONSES,
  B2C_TOKEN_ERRORS,
  B2C_TOKEN_FORM,
  tokenOperation,
} from './token-operations';

const policyQuery = {
  name: 'p',
  in: 'query',
  required: false,
  description: 'The B2C user flow (a B2C tenant only); External ID tenants take none.',
  schema: { type: 'string' },
} as const;

/** An error of either kind: B2C's body for a B2C tenant, the native envelope for External ID. */
const eitherError = (status: '400' | '401' | '429' | '503') => {
  const b2c = B2C_TOKEN_ERROR_RESPONSES[status];
  const native = NATIVE_ERROR_RESPONSES[status];
  return {
    description: `${b2c.description} For an External ID tenant: ${native.description}`,
    headers: {
      ...TOKEN_HEADERS,
      ...b2c.headers,
      'x-ms-request-id': headerRef('MsRequestIdMaybe'),
    },
    content: {
      'application/json': {
        schema: { anyOf: [schemaRef('B2CError'), schemaRef('NativeAuthError')] },
      },
    },
  };
};

const sharedErrors = {
  '400': eitherError('400'),
  '401': eitherError('401'),
  '413': B2C_TOKEN_ERRORS['413'],
  '429': eitherError('429'),
  '503': eitherError('503'),
} as const;

/**
 * The paths both authority kinds have, without a policy segment: the tenant's kind answers (a B2C
 * tenant with `?p=`, an External ID tenant with native authentication).
 */
export const SHARED_PATHS = {
  '/{tenant}/oauth2/v2.0/token': {
    parameters: [TENANT_PARAMETER, policyQuery],
    ...tokenOperation('tenantToken', sharedErrors, {
      tags: ['B2C token', 'External ID native auth'],
      description:
        'A B2C tenant: the ROPC token endpoint with `?p={policy}` (none: AADB2C90085). An External ' +
        "ID tenant: native authentication's token endpoint (grants `password`, `oob`, " +
        '`continuation_token`, `refresh_token`).',
      form: { anyOf: [B2C_TOKEN_FORM, NATIVE_FORM] },
      success: {
        anyOf: [
          schemaRef('B2CTokenResponse'),
          schemaRef('NativeTokenResponse'),
          schemaRef('RedirectResponse'),
        ],
      },
    }),
  },
  '/{tenant}/v2.0/.well-known/openid-configuration': {
    parameters: [TENANT_PARAMETER, policyQuery],
    ...metadataOperations(
      'tenantDiscovery',
      "The tenant's OpenID configuration (a B2C tenant's policy with `?p=`)",
      {
        anyOf: [schemaRef('B2COpenIdConfiguration'), schemaRef('ExternalIdOpenIdConfiguration')],
      },
    ),
  },
  '/{tenant}/discovery/v2.0/keys': {
    parameters: [TENANT_PARAMETER, policyQuery],
    ...metadataOperations('tenantKeys', "The tenant's signing keys", schemaRef('JsonWebKeySet')),
  },
} as const;
