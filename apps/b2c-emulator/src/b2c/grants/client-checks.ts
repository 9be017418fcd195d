import { parseResponseType, type TokenRequest } from '@ropc/protocol';
import { B2CError } from '../b2c-error';
import type { Application, Tenant } from '../../tenant/tenant-model';

/**
 * Checks the application registration against a ROPC request, in B2C's order: known, enabled,
 * public, ROPC enabled.
 *
 * @throws B2CError AADB2C90018, 90092, 90058 or 90224.
 */
export function checkClient(tenant: Tenant, request: TokenRequest): Application {
  const client = tenant.applications.find(
    (app) => app.id.toLowerCase() === request.client_id.toLowerCase(),
  );
  if (!client) throw new B2CError('AADB2C90018', [request.client_id, tenant.name]);
  if (!client.enabled) throw new B2CError('AADB2C90092', [client.id, tenant.name]);
  if (!client.publicClient) throw new B2CError('AADB2C90058');
  if (!client.ropcEnabled) throw new B2CError('AADB2C90224');
  // A client_secret from a public client is ignored, not refused: B2C does not validate the
  // secret on ROPC (docs/b2c-ropc-protocol.md §2.1).
  return client;
}

const SUPPORTED_RESPONSE_TYPES = new Set(['token', 'id_token']);

/**
 * Parses `response_type`. Absent means `token`, as MSAL's requests without it got no id token.
 * `token` needs the implicit flow allowed on the application (AADB2C90057,
 * docs/b2c-ropc-protocol.md §2.2).
 *
 * @throws B2CError AADB2C90013 or 90057.
 */
export function checkResponseType(
  client: Application,
  responseType: string | undefined,
): Set<string> {
  const values = responseType === undefined ? new Set(['token']) : parseResponseType(responseType);
  for (const value of values) {
    if (!SUPPORTED_RESPONSE_TYPES.has(value))
      throw new B2CError('AADB2C90013', [value.slice(0, 64)]);
  }
  if (values.has('token') && !client.implicitFlowAllowed) throw new B2CError('AADB2C90057');
  return values;
}
