import type { B2CIdTokenClaims } from '@ropc/protocol';
import type { RopcAuthConfig } from '../src/ropc-auth-config';

/** The default local tenant's web client and API (docs/architecture.md). */
export const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
export const NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';
export const NOTES_WRITE = 'https://contoso.onmicrosoft.com/api/notes.write';
export const DIRECT_TOKEN_ENDPOINT =
  'http://localhost:7072/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token';
export const CORRELATION_ID = '3f1c0a7e-5d2b-4c8e-9f61-2a7d4b9e0c13';

/** `config.json` for proxy mode. */
export const PROXY_CONFIG: RopcAuthConfig = {
  mode: 'proxy',
  tokenEndpoint: '/api/auth/token',
  clientId: CLIENT_ID,
  scopes: ['openid', 'offline_access', NOTES_READ, NOTES_WRITE],
  protectedResources: [{ url: '/api/', scopes: [NOTES_READ, NOTES_WRITE] }],
};

/** `config.json` for direct mode. */
export const DIRECT_CONFIG: RopcAuthConfig = {
  ...PROXY_CONFIG,
  mode: 'direct',
  tokenEndpoint: DIRECT_TOKEN_ENDPOINT,
};

/** Alice's id-token claims. */
export const ALICE: B2CIdTokenClaims = {
  iss: 'http://localhost:7072/04fbcc13-aa6a-4630-aacc-9c6a9e838418/v2.0/',
  aud: CLIENT_ID,
  exp: 1_700_003_600,
  nbf: 1_700_000_000,
  iat: 1_700_000_000,
  ver: '1.0',
  sub: '6d1b6a3e-0c8f-4b55-9a4e-1f0a2b3c4d5e',
  oid: '6d1b6a3e-0c8f-4b55-9a4e-1f0a2b3c4d5e',
  tfp: 'B2C_1_ROPC_Auth',
  name: 'Alice',
  emails: ['alice@contoso.com'],
};

/** An unsigned JWT with these claims: enough for display-only decoding. */
export function idTokenFor(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** A B2C token response body as the proxy sends it (no refresh_token). */
export function tokenBody(accessToken: string, overrides: object = {}): object {
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: 3600,
    id_token: idTokenFor(ALICE),
    id_token_expires_in: 3600,
    refresh_token_expires_in: 1_209_600,
    scope: `${NOTES_READ} ${NOTES_WRITE}`,
    ...overrides,
  };
}

/** B2C's two-field error body with an AADB2C code and a correlation id. */
export function b2cError(error: string, code: string, message: string): object {
  return {
    error,
    error_description: `${code}: ${message}\r\nCorrelation ID: ${CORRELATION_ID}\r\nTimestamp: 2026-01-05 10:00:00Z\r\n`,
  };
}

/** The proxy's answer to a refresh without a live cookie. */
export const NO_SESSION = b2cError(
  'invalid_grant',
  'AADB2C90129',
  'The session has ended or is not valid. Please sign in again.',
);
