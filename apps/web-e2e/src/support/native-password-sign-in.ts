import { EXTERNAL_ID_NOTES_SCOPES, type ExternalIdPasswordUser } from './external-id-tenant';

/** The native-auth proxy's token answer in cookie mode: the refresh token went into a cookie. */
export interface NativeSignInAnswer {
  readonly access_token: string;
  readonly id_token: string;
  readonly scope: string;
  readonly expires_in: number;
}

/**
 * Signs `user` in with their password as the web client does, over plain HTTP from the test:
 * `initiate`, `challenge` and the `password` grant at `{webUrl}/api/auth/native/oauth2/v2.0/…` in
 * the proxy's cookie mode (`X-Requested-With`; the proxy sends its own `client_id`, so the stack's
 * `externalIdSignInMethod` must be `password`). Throws with the answer on any step that is not
 * 200.
 */
export async function signInThroughNativeProxy(
  webUrl: string,
  user: ExternalIdPasswordUser,
  scopes: readonly string[] = EXTERNAL_ID_NOTES_SCOPES,
): Promise<NativeSignInAnswer> {
  const initiated = await post(webUrl, 'oauth2/v2.0/initiate', {
    username: user.email,
    challenge_type: 'password oob redirect',
  });
  const challenged = await post(webUrl, 'oauth2/v2.0/challenge', {
    continuation_token: continuationToken(initiated),
    challenge_type: 'password oob redirect',
  });
  return (await post(webUrl, 'oauth2/v2.0/token', {
    continuation_token: continuationToken(challenged),
    grant_type: 'password',
    password: user.password,
    scope: scopes.join(' '),
  })) as unknown as NativeSignInAnswer;
}

async function post(
  webUrl: string,
  path: string,
  form: Record<string, string>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${webUrl}/api/auth/native/${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Requested-With': 'XMLHttpRequest',
    },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`POST /api/auth/native/${path} answered ${response.status}: ${text}`);
  }
  return JSON.parse(text) as Record<string, unknown>;
}

function continuationToken(answer: Record<string, unknown>): string {
  const token = answer['continuation_token'];
  if (typeof token !== 'string') {
    throw new Error(`no continuation_token in ${JSON.stringify(answer)}`);
  }
  return token;
}
