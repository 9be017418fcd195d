import type { TokenSet } from '@ropc/protocol';
import { NativeAuthCalls, successOf } from './native-auth-calls';
import { nativeFailureToAuthError } from './native-failure-to-auth-error';
import type { ResolvedRopcAuthConfig } from '../ropc-auth-config';
import type { TokenTransportDeps } from '../token-transport';

const FLOW = 'password-sign-in';

/**
 * External ID's password sign-in through the proxy: initiate → challenge → the `password`
 * grant. `redirect` among the challenge types says this client can fall back to nothing else:
 * the server answers so when the user flow needs more than a password (then `not_supported`).
 *
 * @throws RopcAuthError mapped from the failure.
 */
export async function nativePasswordSignIn(
  config: ResolvedRopcAuthConfig,
  deps: TokenTransportDeps,
  username: string,
  password: string,
): Promise<TokenSet> {
  const calls = new NativeAuthCalls(config, deps, ['password', 'redirect']);
  const started = await successOf(calls.client.signInInitiate({ username }), FLOW);
  const challenge = await successOf(
    calls.client.signInChallenge({ continuationToken: started.continuation_token }),
    FLOW,
  );
  // The user flow wants a code, which a password sign-in never asks for.
  if (challenge.challenge_type !== 'password')
    throw nativeFailureToAuthError({ kind: 'redirect' }, FLOW);
  return calls.signIn(
    { grant: 'password', continuationToken: challenge.continuation_token, password },
    FLOW,
  );
}
