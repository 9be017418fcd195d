import { parseScope, toTokenSet, type TokenSet } from '@ropc/protocol';
import {
  createNativeAuthClient,
  parseNativeAuthAuthority,
  type NativeAuthClient,
  type NativeAuthOutcome,
} from '@ropc/protocol/native-auth';
import { usageError } from '../cli-error';
import { nativeCallError, nativeFailureError } from './authority-errors';

function clientFor(authority: string, clientId: string): NativeAuthClient {
  let baseUrl: string;
  try {
    baseUrl = parseNativeAuthAuthority(authority).baseUrl;
  } catch (error) {
    throw usageError(`not an External ID authority: ${(error as Error).message}`);
  }
  // A password user's flow only: the CLI has no way to read an e-mailed code back yet.
  return createNativeAuthClient({ baseUrl, clientId, challengeTypes: ['password'] });
}

/** The body of a successful step, or the CLI's error for any other outcome. */
async function success<T>(call: () => Promise<NativeAuthOutcome<T>>, what: string): Promise<T> {
  let outcome: NativeAuthOutcome<T>;
  try {
    outcome = await call();
  } catch (error) {
    throw nativeCallError(error);
  }
  if (outcome.kind !== 'success') throw nativeFailureError(outcome, what);
  return outcome.body;
}

const scopesOf = (scope: string | undefined): string[] =>
  scope === undefined ? [] : parseScope(scope);

/**
 * External ID's native sign-in with a password (docs/entra-native-auth-protocol.md §3): initiate
 * names the user, challenge asks for the password, the password grant answers tokens.
 */
export async function nativePasswordSignIn(input: {
  readonly authority: string;
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
  readonly scope?: string;
}): Promise<TokenSet> {
  const client = clientFor(input.authority, input.clientId);
  const started = await success(
    () => client.signInInitiate({ username: input.username }),
    'sign-in',
  );
  const challenged = await success(
    () => client.signInChallenge({ continuationToken: started.continuation_token }),
    'sign-in',
  );
  const requestedAt = Date.now();
  const tokens = await success(
    () =>
      client.passwordGrant({
        continuationToken: challenged.continuation_token,
        password: input.password,
        scopes: scopesOf(input.scope),
      }),
    'sign-in',
  );
  return toTokenSet(tokens, requestedAt);
}

/** The native-auth refresh grant. */
export async function nativeRefresh(input: {
  readonly authority: string;
  readonly clientId: string;
  readonly refreshToken: string;
  readonly scope?: string;
}): Promise<TokenSet> {
  const client = clientFor(input.authority, input.clientId);
  const requestedAt = Date.now();
  const tokens = await success(
    () =>
      client.refreshTokenGrant({
        refreshToken: input.refreshToken,
        scopes: scopesOf(input.scope),
      }),
    'refresh',
  );
  return toTokenSet(tokens, requestedAt);
}
