import type { TokenSet } from '@ropc/protocol';
import { decodeJwt } from 'jose';
import { expiryInWords } from './relative-time';
import { formatTable } from './table';

const isoOrUndefined = (epochMs: number | undefined): string | undefined =>
  epochMs === undefined ? undefined : new Date(epochMs).toISOString();

/**
 * A token set as `--json` prints it: the tokens themselves (the user asked for machine output)
 * and expiry times as ISO 8601.
 */
export function tokenSetJson(tokens: TokenSet): Record<string, string | undefined> {
  return {
    tokenType: tokens.tokenType,
    scope: tokens.scope,
    accessToken: tokens.accessToken,
    idToken: tokens.idToken,
    refreshToken: tokens.refreshToken,
    accessTokenExpiresAt: isoOrUndefined(tokens.accessTokenExpiresAt),
    idTokenExpiresAt: isoOrUndefined(tokens.idTokenExpiresAt),
    refreshTokenExpiresAt: isoOrUndefined(tokens.refreshTokenExpiresAt),
  };
}

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** The id token's claims worth a glance, without its signature checked (it came over TLS). */
function identityRows(idToken: string | undefined): [string, string][] {
  if (idToken === undefined) return [];
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(idToken);
  } catch {
    return [];
  }
  const rows: [string, string][] = [];
  for (const name of ['name', 'oid', 'sub', 'emails', 'preferred_username']) {
    const value = claims[name];
    if (value !== undefined)
      rows.push([name, (Array.isArray(value) ? value : [value]).map(asText).join(', ')]);
  }
  return rows;
}

/**
 * A token set for people: who, which scope, when each token expires — never a token itself
 * (`--json` prints them, `token decode` shows one's claims).
 */
export function tokenSetHuman(tokens: TokenSet, nowMs: number = Date.now()): string {
  const expiry = (label: string, at: number | undefined): [string, string][] =>
    at === undefined
      ? []
      : [[label, `${new Date(at).toISOString()} (${expiryInWords(at, nowMs)})`]];
  return formatTable([
    ...identityRows(tokens.idToken),
    ...(tokens.scope === undefined ? [] : [['scope', tokens.scope] as [string, string]]),
    ...expiry('access token', tokens.accessTokenExpiresAt),
    ...expiry('id token', tokens.idTokenExpiresAt),
    ...(tokens.refreshToken === undefined
      ? [['refresh token', 'none (ask for offline_access)'] as [string, string]]
      : expiry('refresh token', tokens.refreshTokenExpiresAt).concat(
          tokens.refreshTokenExpiresAt === undefined ? [['refresh token', 'received']] : [],
        )),
  ]);
}
