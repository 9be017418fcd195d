import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { buildNativeAuthIssuer } from '@ropc/protocol/native-auth';
import type { Emulator } from '../emulator';
import type { TenantRouteHandler } from '../functions/tenant-route';
import { requestOrigin } from '../http/request-origin';
import type { ExternalIdTenant } from '../tenant/tenant-model';
import type { TenantRuntime } from '../tenant/tenant-runtime';

/**
 * An External ID tenant's discovery document and keys (docs/entra-native-auth-protocol.md §1.3):
 * what the API validating its tokens reads. Native-auth clients never read them. Both answer
 * cross-origin (`*`) in every CORS mode, as the service's metadata endpoints do, and are cached
 * like B2C's.
 */

const METADATA_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Access-Control-Allow-Origin': '*',
};

function metadataAnswer(
  request: HttpRequest,
  cacheSeconds: number,
  body: () => Promise<unknown>,
): Promise<HttpResponseInit> {
  if (request.method === 'OPTIONS')
    return Promise.resolve({
      status: 204,
      headers: { ...METADATA_HEADERS, 'Access-Control-Allow-Methods': 'GET, OPTIONS' },
    });
  return body().then((jsonBody) => ({
    status: 200,
    headers: { ...METADATA_HEADERS, 'Cache-Control': `public, max-age=${cacheSeconds}` },
    jsonBody,
  }));
}

/** The discovery document, naming every endpoint with the tenant id, as the service does. */
export function externalIdOpenIdConfiguration(
  emulator: Emulator,
  runtime: TenantRuntime<ExternalIdTenant>,
  request: HttpRequest,
): Record<string, unknown> {
  const origin = requestOrigin(request, emulator.config);
  const { id } = runtime.tenant;
  const base = `${origin}/${id}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic',
    ],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: buildNativeAuthIssuer(id, { origin }),
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nbf',
      'name',
      'oid',
      'preferred_username',
      'tid',
      'ver',
    ],
    tenant_region_scope: null,
    cloud_instance_name: 'ciamlogin.com',
  };
}

/** GET {tenant}/v2.0/.well-known/openid-configuration of an External ID tenant. */
export const externalIdDiscovery: TenantRouteHandler<ExternalIdTenant> = (
  request,
  _context,
  emulator,
  runtime,
) =>
  runtime
    ? metadataAnswer(request, 3600, () =>
        Promise.resolve(externalIdOpenIdConfiguration(emulator, runtime, request)),
      )
    : Promise.resolve({ status: 404 });

/** GET {tenant}/discovery/v2.0/keys of an External ID tenant: its published keys. */
export const externalIdJwks: TenantRouteHandler<ExternalIdTenant> = (
  request,
  _context,
  _emulator,
  runtime,
) =>
  runtime
    ? metadataAnswer(request, 300, async () => ({
        keys: (await runtime.keys.published()).map((key) => key.jwk),
      }))
    : Promise.resolve({ status: 404 });
