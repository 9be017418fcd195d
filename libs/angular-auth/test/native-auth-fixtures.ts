import type { RopcAuthConfig } from '../src/ropc-auth-config';
import { idTokenFor } from './token-fixtures';

/** The External ID tenant's web client and API (the emulator's default tenant file). */
export const EXTERNAL_ID_CLIENT_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
export const EXTERNAL_ID_NOTES_READ = 'api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28/notes.read';
const TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
const TRACE_ID = '9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

/** `config.json` for External ID behind the proxy. */
export const EXTERNAL_ID_CONFIG: RopcAuthConfig = {
  authorityKind: 'external-id',
  mode: 'proxy',
  tokenEndpoint: '/api/auth/token',
  nativeAuthBase: '/api/auth/native',
  clientId: EXTERNAL_ID_CLIENT_ID,
  scopes: ['openid', 'offline_access', EXTERNAL_ID_NOTES_READ],
  protectedResources: [{ url: '/api/', scopes: [EXTERNAL_ID_NOTES_READ] }],
};

/** Where the client posts each call (jsdom's base URI is http://localhost/). */
export const nativeUrl = (path: string): string => `http://localhost/api/auth/native/${path}`;

/** Alice's External ID id-token claims. */
export const ALICE_EXTERNAL_ID = {
  iss: `http://localhost:7072/${TENANT_ID}/v2.0`,
  aud: EXTERNAL_ID_CLIENT_ID,
  exp: 1_767_610_800,
  iat: 1_767_607_200,
  nbf: 1_767_607_200,
  ver: '2.0',
  tid: TENANT_ID,
  oid: '0b6e8f1a-2c3d-4e5f-8a9b-1c2d3e4f5a6b',
  sub: 'pairwise-subject',
  name: 'Alice Contoso',
  preferred_username: 'alice@contoso.com',
};

const clientInfo = Buffer.from(
  JSON.stringify({ uid: ALICE_EXTERNAL_ID.oid, utid: TENANT_ID }),
).toString('base64url');

/** A cookie-mode token answer of the proxy: no refresh token, which went into the cookie. */
export function nativeTokenBody(accessToken: string): object {
  return {
    token_type: 'Bearer',
    scope: `openid profile offline_access ${EXTERNAL_ID_NOTES_READ}`,
    expires_in: 3600,
    access_token: accessToken,
    id_token: idTokenFor(ALICE_EXTERNAL_ID),
    client_info: clientInfo,
    refresh_token_expires_in: 86_400,
  };
}

/** A continuation answer (initiate, starts, continue). */
export const continuation = (token: string): object => ({ continuation_token: token });

/** An `oob` challenge answer: a code was sent. */
export const codeSent = (token: string, extra: object = {}): object => ({
  continuation_token: token,
  challenge_type: 'oob',
  binding_method: 'prompt',
  challenge_channel: 'email',
  challenge_target_label: 'a***e@co*****.com',
  code_length: 8,
  ...extra,
});

/** A native-auth error envelope. */
export function nativeError(error: string, codes: number[], extra: object = {}): object {
  return {
    error,
    error_description: `AADSTS${codes[0] ?? 0}: refused. Trace ID: ${TRACE_ID}`,
    error_codes: codes,
    timestamp: '2026-01-05 10:00:00Z',
    trace_id: TRACE_ID,
    correlation_id: '00000000-0000-0000-0000-000000000000',
    ...extra,
  };
}

export { TRACE_ID };
