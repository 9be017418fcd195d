/** The OpenID Connect scope that asks for an id_token. */
export const OPENID_SCOPE = 'openid';
/** The scope that asks for a refresh token. */
export const OFFLINE_ACCESS_SCOPE = 'offline_access';

/**
 * Splits a `scope` parameter into its values. Scope values are separated by spaces
 * (RFC 6749 §3.3); repeated spaces and duplicates are dropped, order is kept.
 */
export function parseScope(scope: string | undefined): string[] {
  if (!scope) return [];
  return [...new Set(scope.split(' ').filter((value) => value !== ''))];
}

/** Joins scope values into a `scope` parameter, dropping duplicates and empty values. */
export function formatScope(values: Iterable<string>): string {
  return [...new Set([...values].filter((value) => value !== ''))].join(' ');
}

/**
 * Splits a `response_type` parameter (`token id_token`) into its values. Order does not matter
 * to B2C, so callers should test membership rather than compare strings.
 */
export function parseResponseType(responseType: string | undefined): Set<string> {
  return new Set(parseScope(responseType));
}
