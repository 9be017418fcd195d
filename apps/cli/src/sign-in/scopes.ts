import { OFFLINE_ACCESS_SCOPE, OPENID_SCOPE, formatScope, parseScope } from '@ropc/protocol';
import { DEFAULT_NATIVE_AUTH_SCOPES } from '@ropc/protocol/native-auth';
import type { AuthorityKind } from '../authority/authority-kind';

/**
 * The scope a sign-in asks for. Both kinds always ask for `openid` and `offline_access` (an id
 * token to show who signed in, a refresh token for `ropc refresh`); B2C adds the client id when
 * no API scope is named, which gets an access token for the app itself, as B2C's ROPC guide does.
 */
export function signInScopes(
  kind: AuthorityKind,
  clientId: string,
  scope: string | undefined,
): string[] {
  const asked = scope === undefined ? [] : parseScope(scope);
  const base =
    kind === 'b2c' ? [OPENID_SCOPE, OFFLINE_ACCESS_SCOPE] : [...DEFAULT_NATIVE_AUTH_SCOPES];
  const resource = kind === 'b2c' && asked.length === 0 ? [clientId] : asked;
  return [...new Set([...base, ...resource])];
}

/** The scope list as one parameter value. */
export function scopeValue(scopes: readonly string[]): string {
  return formatScope(scopes);
}
