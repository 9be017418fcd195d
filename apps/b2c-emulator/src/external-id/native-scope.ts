import { parseScope } from '@ropc/protocol';
import type { Application, ExternalIdTenant } from '../tenant/tenant-model';
import { NativeAuthRefusal } from './native-auth-refusal';

/** The OpenID Connect scopes, which every token answer carries (see {@link resolveNativeScope}). */
const OIDC_SCOPES = ['openid', 'profile', 'offline_access'] as const;
const OPTIONAL_OIDC_SCOPES = new Set(['email']);

/** Microsoft Graph: the audience of an access token when the app asks for no API of its own. */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** What a token request was granted. */
export interface NativeScope {
  /** The API the access token is for: an application of the tenant, or Microsoft Graph. */
  readonly audience: string;
  /** The access token's `scp`: the API's scope values, e.g. `notes.read`. */
  readonly permissions: readonly string[];
  /** The answer's `scope`: `openid profile offline_access` and the granted API scope URIs. */
  readonly granted: string;
}

/**
 * Resolves a token request's `scope` (§3.3). API scopes must be granted to the client (full
 * URIs, any case) and name one API; anything else is `invalid_scope`. Whether the service adds
 * `openid profile offline_access` when an app names only API scopes is unconfirmed (§10): the
 * emulator adds them, since MSAL cannot go on without the id and refresh tokens they bring.
 */
export function resolveNativeScope(
  tenant: ExternalIdTenant,
  client: Application,
  requested: string | undefined,
): NativeScope {
  const values = parseScope(requested ?? '');
  const oidc = new Set<string>(OIDC_SCOPES);
  const apiValues = values.filter(
    (value) => !oidc.has(value.toLowerCase()) && !OPTIONAL_OIDC_SCOPES.has(value.toLowerCase()),
  );
  const granted = apiValues.map((value) =>
    client.grantedScopes.find((scope) => scope.toLowerCase() === value.toLowerCase()),
  );
  if (granted.some((scope) => scope === undefined)) throw NativeAuthRefusal.of('invalid_scope');
  const uris = [...new Set(granted as string[])];
  const resources = new Set(uris.map((uri) => uri.slice(0, uri.lastIndexOf('/'))));
  if (resources.size > 1) throw NativeAuthRefusal.of('invalid_scope');
  const [resource] = resources;
  if (resource === undefined)
    return {
      audience: MICROSOFT_GRAPH_APP_ID,
      permissions: ['User.Read'],
      granted: OIDC_SCOPES.join(' '),
    };
  const api = tenant.applications.find((app) => app.identifierUri === resource);
  if (!api) throw NativeAuthRefusal.of('invalid_scope');
  return {
    audience: api.id,
    permissions: uris.map((uri) => uri.slice(uri.lastIndexOf('/') + 1)),
    granted: [...OIDC_SCOPES, ...uris].join(' '),
  };
}
