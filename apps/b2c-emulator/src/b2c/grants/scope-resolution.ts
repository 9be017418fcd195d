import { OFFLINE_ACCESS_SCOPE, OPENID_SCOPE, parseScope } from '@ropc/protocol';
import { B2CError } from '../b2c-error';
import type { Application, Tenant } from '../../tenant/tenant-model';

/** What a token request's `scope` and `resource` ask for (docs/b2c-ropc-protocol.md §2.2). */
export interface ScopeResolution {
  readonly openid: boolean;
  readonly offlineAccess: boolean;
  /** The access token's audience and permissions; undefined when no resource was asked for. */
  readonly resource?: { readonly audience: string; readonly permissions: readonly string[] };
  /** The scope values to remember with a refresh grant. */
  readonly values: readonly string[];
}

/** OIDC scopes that B2C accepts and ignores (MSAL adds `profile` to every request). */
const IGNORED_OIDC_SCOPES = new Set(['profile', 'email']);

/** B2C refuses characters outside RFC 6749's scope-token set, and commas (AADB2C99005). */
const ILLEGAL_SCOPE_CHARACTER = /[^\x21\x23-\x5b\x5d-\x7e ]|,/;

interface ResourceAsk {
  readonly audience: string;
  readonly granted: string[];
  readonly denied: string[];
}

function apiScopeOwner(
  tenant: Tenant,
  value: string,
): { app: Application; permission: string } | undefined {
  const lower = value.toLowerCase();
  for (const app of tenant.applications) {
    if (!app.identifierUri) continue;
    const prefix = `${app.identifierUri.toLowerCase()}/`;
    if (!lower.startsWith(prefix)) continue;
    const permission = app.exposedScopes.find(
      (scope) => scope.value.toLowerCase() === lower.slice(prefix.length),
    );
    if (permission) return { app, permission: permission.value };
  }
  return undefined;
}

function isGranted(client: Application, api: Application, permission: string): boolean {
  const full = `${api.identifierUri ?? ''}/${permission}`.toLowerCase();
  return client.grantedScopes.some((scope) => scope.toLowerCase() === full);
}

function grantedPermissions(client: Application, api: Application): string[] {
  return api.exposedScopes
    .map((scope) => scope.value)
    .filter((value) => isGranted(client, api, value));
}

/** Finds the resource named by the `resource` parameter: the client itself or an API app. */
function resourceParameterAsk(tenant: Tenant, client: Application, resource: string): ResourceAsk {
  const lower = resource.toLowerCase().replace(/\/+$/, '');
  if (lower === client.id.toLowerCase()) return { audience: client.id, granted: [], denied: [] };
  const api = tenant.applications.find(
    (app) => app.id.toLowerCase() === lower || app.identifierUri?.toLowerCase() === lower,
  );
  if (!api) throw new B2CError('AADB2C90117', [resource]);
  return { audience: api.id, granted: grantedPermissions(client, api), denied: [] };
}

function addAsk(asks: Map<string, ResourceAsk>, audience: string): ResourceAsk {
  const existing = asks.get(audience);
  if (existing) return existing;
  const ask: ResourceAsk = { audience, granted: [], denied: [] };
  asks.set(audience, ask);
  return ask;
}

/**
 * Resolves scope values and the optional `resource` parameter for `client`. One resource per
 * access token: the client id (no `scp`) or one API's granted permissions.
 *
 * @throws B2CError AADB2C99005, 90117, 90146 or 90056.
 */
export function resolveScope(
  tenant: Tenant,
  client: Application,
  scope: string | undefined,
  resource: string | undefined,
): ScopeResolution {
  const illegal = scope === undefined ? null : ILLEGAL_SCOPE_CHARACTER.exec(scope);
  if (illegal) throw new B2CError('AADB2C99005', [illegal[0]]);
  const values = parseScope(scope);
  const asks = new Map<string, ResourceAsk>();
  let openid = false;
  let offlineAccess = false;
  for (const value of values) {
    const lower = value.toLowerCase();
    if (lower === OPENID_SCOPE) openid = true;
    else if (lower === OFFLINE_ACCESS_SCOPE) offlineAccess = true;
    else if (IGNORED_OIDC_SCOPES.has(lower)) continue;
    else if (lower === client.id.toLowerCase()) addAsk(asks, client.id);
    else {
      const owner = apiScopeOwner(tenant, value);
      if (!owner) throw new B2CError('AADB2C90117', [value]);
      const ask = addAsk(asks, owner.app.id);
      (isGranted(client, owner.app, owner.permission) ? ask.granted : ask.denied).push(
        owner.permission,
      );
    }
  }
  if (resource !== undefined) {
    // `resource` alone (the seed's refresh request) means every permission granted for it;
    // with scope values for the same resource, the scope values decide.
    const named = resourceParameterAsk(tenant, client, resource);
    if (!asks.has(named.audience)) asks.set(named.audience, named);
  }
  if (asks.size > 1) throw new B2CError('AADB2C90146');
  const [ask] = asks.values();
  if (ask && ask.audience !== client.id && ask.granted.length === 0) {
    throw new B2CError('AADB2C90056', [ask.denied[0] ?? ask.audience]);
  }
  return {
    openid,
    offlineAccess,
    ...(ask ? { resource: { audience: ask.audience, permissions: ask.granted } } : {}),
    values,
  };
}
