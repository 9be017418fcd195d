// Entra External ID as the API's tests meet it: the emulator's `contosoid` tenant (in
// fixtures/two-authority-tenant.json, a copy of the emulator's default tenant file) and a password
// sign-in through native authentication — initiate, challenge, token — as the emulator's README
// walks it with curl.

export const EXTERNAL_TENANT = 'contosoid.onmicrosoft.com';
export const EXTERNAL_TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
/** contoso-notes-spa: e-mail and password. */
export const SPA_CLIENT_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
/** notes-api: the `aud` of its access tokens (v2: the application id). */
export const EXTERNAL_API_ID = 'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28';
export const EXTERNAL_NOTES_READ = `api://${EXTERNAL_API_ID}/notes.read`;
export const EXTERNAL_NOTES_WRITE = `api://${EXTERNAL_API_ID}/notes.write`;
/** The same people as the B2C tenant's, with other object ids. */
export const EXTERNAL_ALICE = {
  username: 'alice@contoso.com',
  password: 'Alice-Passw0rd!',
  oid: '5f0c2a7e-9b13-4d6a-8e21-3c7b9a4d1e58',
};
export const EXTERNAL_BOB = {
  username: 'bob@contoso.com',
  password: 'Bob-Passw0rd!',
  oid: '8a3e6d1b-2c4f-4b97-a5e0-7d9c1f3b6a24',
};

const CHALLENGE_TYPES = 'password oob redirect';

async function post(url: string, form: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * A password sign-in of `user` at the External ID tenant of the emulator at `emulatorUrl`, for
 * the notes API's scopes; returns the token answer (`access_token`, `id_token`, ...).
 */
export async function signInExternalId(
  emulatorUrl: string,
  user: { username: string; password: string },
  scopes = [EXTERNAL_NOTES_READ, EXTERNAL_NOTES_WRITE],
): Promise<Record<string, unknown>> {
  const base = `${emulatorUrl}/${EXTERNAL_TENANT}/oauth2/v2.0`;
  const client = { client_id: SPA_CLIENT_ID };
  const initiated = await post(`${base}/initiate`, {
    ...client,
    username: user.username,
    challenge_type: CHALLENGE_TYPES,
  });
  const challenged = await post(`${base}/challenge`, {
    ...client,
    continuation_token: String(initiated['continuation_token']),
    challenge_type: CHALLENGE_TYPES,
  });
  return post(`${base}/token`, {
    ...client,
    continuation_token: String(challenged['continuation_token']),
    grant_type: 'password',
    password: user.password,
    scope: ['openid', 'offline_access', ...scopes].join(' '),
    // As MSAL always asks: the answer then carries client_info, as a proxied one does.
    client_info: '1',
  });
}
