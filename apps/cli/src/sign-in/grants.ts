import type { TokenSet } from '@ropc/protocol';
import type { Authority } from '../authority/resolve-authority';
import type { CliContext } from '../cli/cli-context';
import { b2cPasswordSignIn, b2cRefresh } from './b2c-grants';
import { nativeRefresh, nativeSignIn, type NativeSignInCredentials } from './native-sign-in';
import { scopeValue, signInScopes } from './scopes';
import type { SignInResult } from './sign-in-result';

/** Where a grant goes and for whom, whatever the authority's kind. */
export interface GrantTarget {
  readonly authority: Authority;
  readonly clientId: string;
  /** The `--scope` setting: API scopes, space-separated; openid and offline_access are added. */
  readonly scope?: string;
}

function resultOf(
  target: GrantTarget,
  scopes: readonly string[],
  tokens: TokenSet,
  username?: string,
): SignInResult {
  return {
    kind: target.authority.kind,
    authority: target.authority.url,
    clientId: target.clientId,
    scope: scopeValue(scopes),
    ...(username === undefined ? {} : { username }),
    tokens,
  };
}

/**
 * Signs in by the authority's kind: B2C's ROPC password grant, or External ID's native sign-in
 * (initiate, challenge, then the password or one-time-code grant).
 */
export async function signIn(
  context: CliContext,
  target: GrantTarget,
  username: string,
  credentials: NativeSignInCredentials,
): Promise<SignInResult> {
  const { authority, clientId } = target;
  const scopes = signInScopes(authority.kind, clientId, target.scope);
  const tokens =
    authority.kind === 'b2c'
      ? await b2cPasswordSignIn(
          { authority, clientId, scope: scopeValue(scopes) },
          username,
          await credentials.password(),
        )
      : await nativeSignIn({ authority, clientId, scopes }, username, credentials, context.now);
  return resultOf(target, scopes, tokens, username);
}

/** Redeems a refresh token at the authority it came from. */
export async function refresh(
  context: CliContext,
  target: GrantTarget,
  refreshToken: string,
  username?: string,
): Promise<SignInResult> {
  const { authority, clientId } = target;
  const scopes = signInScopes(authority.kind, clientId, target.scope);
  const tokens =
    authority.kind === 'b2c'
      ? await b2cRefresh({ authority, clientId, scope: scopeValue(scopes) }, refreshToken)
      : await nativeRefresh({ authority, clientId, scopes }, refreshToken, context.now);
  return resultOf(target, scopes, tokens, username);
}
