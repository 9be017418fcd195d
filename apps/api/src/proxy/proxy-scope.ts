import { OFFLINE_ACCESS_SCOPE, OPENID_SCOPE, formatScope, parseScope } from '@ropc/protocol';

const OPENID_VALUES = new Set([OPENID_SCOPE, OFFLINE_ACCESS_SCOPE, 'profile', 'email']);

/**
 * The scope the proxy sends upstream: the client's scope plus `openid offline_access` (the proxy
 * needs the id token and the refresh token it keeps in the cookie), plus the configured default
 * API scopes when the client named no resource.
 */
export function proxyScope(
  requested: string | undefined,
  defaultScopes: readonly string[],
): string {
  const values = parseScope(requested);
  const namesResource = values.some((value) => !OPENID_VALUES.has(value.toLowerCase()));
  return formatScope([
    OPENID_SCOPE,
    OFFLINE_ACCESS_SCOPE,
    ...values,
    ...(namesResource ? [] : defaultScopes),
  ]);
}
