/**
 * What the test does over HTTP beside the browser: B2C password and refresh grants of the default
 * client, and the start of an External ID e-mail-code sign-in (which puts a code in the outbox).
 */

export const B2C_TENANT = 'contoso.onmicrosoft.com';
export const EXTERNAL_ID_TENANT = 'contosoid.onmicrosoft.com';
const POLICY = 'B2C_1_ROPC_Auth';
const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
/** `offline_access` for a refresh token, and an API scope the client was granted. */
const SCOPE = 'openid offline_access https://contoso.onmicrosoft.com/api/notes.read';
/** contosoid's e-mail-code application. */
const OTP_CLIENT_ID = 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47';

/** A token endpoint's answer: the status and the JSON body. */
export interface TokenAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

async function postForm(url: string, form: Record<string, string>): Promise<TokenAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const tokenUrl = (origin: string) => `${origin}/${B2C_TENANT}/${POLICY}/oauth2/v2.0/token`;

/** A B2C ROPC sign-in with `openid offline_access`. */
export function b2cSignIn(origin: string, username: string, password: string) {
  return postForm(tokenUrl(origin), {
    grant_type: 'password',
    client_id: CLIENT_ID,
    username,
    password,
    scope: SCOPE,
    response_type: 'token id_token',
  });
}

/** A B2C refresh-token grant. */
export function b2cRefresh(origin: string, refreshToken: string) {
  return postForm(tokenUrl(origin), {
    grant_type: 'refresh_token',
    client_id: CLIENT_ID,
    refresh_token: refreshToken,
    scope: SCOPE,
  });
}

/** The kids the B2C tenant's JWKS publishes, the signing key's first. */
export async function b2cKids(origin: string): Promise<string[]> {
  const response = await fetch(`${origin}/${B2C_TENANT}/${POLICY}/discovery/v2.0/keys`);
  const { keys } = (await response.json()) as { keys: { kid: string }[] };
  return keys.map((key) => key.kid);
}

/** Initiates and challenges an e-mail-code sign-in of `username`: the emulator sends a code. */
export async function startExternalIdCodeSignIn(origin: string, username: string): Promise<void> {
  const at = (path: string) => `${origin}/${EXTERNAL_ID_TENANT}/oauth2/v2.0/${path}`;
  const types = 'oob redirect';
  const initiated = await postForm(at('initiate'), {
    client_id: OTP_CLIENT_ID,
    challenge_type: types,
    username,
  });
  const continuation = initiated.body['continuation_token'];
  if (initiated.status !== 200 || typeof continuation !== 'string')
    throw new Error(`initiate answered ${initiated.status}`);
  const challenged = await postForm(at('challenge'), {
    client_id: OTP_CLIENT_ID,
    challenge_type: types,
    continuation_token: continuation,
  });
  if (challenged.status !== 200 || challenged.body['challenge_type'] !== 'oob')
    throw new Error(`challenge answered ${challenged.status}`);
}
