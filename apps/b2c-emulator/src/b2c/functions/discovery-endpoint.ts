import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { buildEndpointUrl, buildIssuer, type OpenIdConfiguration } from '@ropc/protocol';
import type { Emulator } from '../../emulator';
import { b2cRoute } from '../../functions/tenant-route';
import type { B2CTenant } from '../../tenant/tenant-model';
import type { TenantRuntime } from '../../tenant/tenant-runtime';
import { requestOrigin } from '../../http/request-origin';
import type { ResolvedPolicy } from '../resolve-policy';
import type { UserFlow } from '../user-flow';
import { applicationClaimName } from '../tokens/user-claims';
import { metadataStorageFailure } from '../b2c-storage-failure';
import { policyMetadataResponse } from '../policy-metadata-response';

/**
 * The policy's output claims plus the protocol claims, as B2C lists them
 * (docs/b2c-ropc-protocol.md §1.3).
 */
function claimsSupported(flow: UserFlow): string[] {
  const output = flow.applicationClaims.map(applicationClaimName);
  return [
    ...new Set([
      ...output,
      'sub',
      flow.policyClaim,
      'iss',
      'iat',
      'exp',
      'aud',
      'nbf',
      'auth_time',
      'at_hash',
    ]),
  ];
}

/**
 * The policy's OpenID configuration, with endpoint URLs in the style the document was asked in
 * and the policy lowercased, as B2C writes them. ROPC policies have no end_session_endpoint.
 */
export function openIdConfiguration(
  emulator: Emulator,
  tenant: B2CTenant,
  request: HttpRequest,
  policy: ResolvedPolicy,
): OpenIdConfiguration {
  const origin = requestOrigin(request, emulator.config);
  const where = {
    origin,
    tenant: policy.tenantSegment,
    policy: policy.flow.name.toLowerCase(),
    style: policy.style,
  };
  const tokenEndpoint = buildEndpointUrl({ ...where, kind: 'token' });
  return {
    issuer: buildIssuer(origin, tenant.id, policy.flow.name, policy.flow.issuerStyle),
    authorization_endpoint: tokenEndpoint.replace('/oauth2/v2.0/token', '/oauth2/v2.0/authorize'),
    token_endpoint: tokenEndpoint,
    jwks_uri: buildEndpointUrl({ ...where, kind: 'jwks' }),
    response_modes_supported: ['query', 'fragment', 'form_post'],
    response_types_supported: [
      'code',
      'code id_token',
      'code token',
      'code id_token token',
      'id_token',
      'id_token token',
      'token',
      'token id_token',
    ],
    scopes_supported: ['openid'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: claimsSupported(policy.flow),
  };
}

/** GET the policy's discovery document (path, `?p=` and tfp forms). */
export function b2cDiscoveryEndpoint(
  request: HttpRequest,
  _context: InvocationContext,
  emulator: Emulator,
  runtime: TenantRuntime<B2CTenant> | undefined,
): Promise<HttpResponseInit> {
  return Promise.resolve(
    policyMetadataResponse(emulator, runtime?.tenant, request, 3600, (policy, tenant) =>
      openIdConfiguration(emulator, tenant, request, policy),
    ),
  );
}

for (const [name, route] of [
  ['discovery', '{tenant}/{policy}/v2.0/.well-known/openid-configuration'],
  ['discovery-tfp', 'tfp/{tenant}/{policy}/v2.0/.well-known/openid-configuration'],
] as const) {
  registerHttpFunction(name, {
    route,
    methods: ['GET', 'HEAD', 'OPTIONS'],
    handler: b2cRoute(b2cDiscoveryEndpoint),
    storageFailure: metadataStorageFailure,
  });
}
