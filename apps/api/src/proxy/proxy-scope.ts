import { OFFLINE_ACCESS_SCOPE, OPENID_SCOPE, formatScope, parseScope } from '@ropc/protocol';
import type { ProxyRefusal } from './proxy-error';

const OPENID_VALUES = new Set([OPENID_SCOPE, OFFLINE_ACCESS_SCOPE, 'profile', 'email']);

/**
 * Bounds of the scope the proxy forwards, after duplicates are dropped. B2C issues an access token
 * for one resource, so a real scope is a handful of values; these leave room for that many times
 * over while keeping the session cookie, which holds the scope, far below its size limit.
 */
export const MAX_SCOPE_VALUES = 16;
export const MAX_SCOPE_LENGTH = 1024;

/** A scope value quoted in an error: never more than 64 characters of what the client sent. */
const excerpt = (value: string): string => (value.length > 64 ? `${value.slice(0, 64)}…` : value);

/**
 * The scope the proxy sends upstream: the client's scope plus `openid offline_access` (the proxy
 * needs the id token and the refresh token it keeps in the cookie), plus the configured default
 * API scopes when the client named no resource; or a refusal (400 invalid_scope AADB2C90117)
 * when it has more than {@link MAX_SCOPE_VALUES} values or {@link MAX_SCOPE_LENGTH} characters.
 */
export function proxyScope(
  requested: string | undefined,
  defaultScopes: readonly string[],
): { scope: string } | { refusal: ProxyRefusal } {
  const values = parseScope(requested);
  const namesResource = values.some((value) => !OPENID_VALUES.has(value.toLowerCase()));
  const scope = formatScope([
    OPENID_SCOPE,
    OFFLINE_ACCESS_SCOPE,
    ...values,
    ...(namesResource ? [] : defaultScopes),
  ]);
  if (parseScope(scope).length <= MAX_SCOPE_VALUES && scope.length <= MAX_SCOPE_LENGTH)
    return { scope };
  const longest = [...values].sort((a, b) => b.length - a.length)[0] ?? '';
  return {
    refusal: { kind: 'b2c', code: 'AADB2C90117', status: 400, args: [excerpt(longest)] },
  };
}
