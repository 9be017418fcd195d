import type { TokenSet } from '@ropc/protocol';
import { NativeAuthCalls, successOf } from './native-auth-calls';
import { nativeFailureToAuthError } from './native-failure-to-auth-error';
import { ProxyTokenTransport } from './proxy-token-transport';
import type { ResolvedRopcAuthConfig } from './ropc-auth-config';
import type { TokenTransportDeps } from './token-transport';

/**
 * External ID through the proxy: the password sign-in is native authentication's three calls
 * (initiate, challenge, token) at `nativeAuthBase`; the session the proxy keeps then refreshes
 * and ends at `/api/auth/refresh` and `/api/auth/sign-out` exactly as a B2C session does, since
 * `ropc_session` records which authority it belongs to.
 */
export class NativeTokenTransport extends ProxyTokenTransport {
  private readonly calls: NativeAuthCalls;

  constructor(config: ResolvedRopcAuthConfig, deps: TokenTransportDeps) {
    super(config, deps);
    // `redirect` says this client can fall back to nothing else: the server answers so when the
    // user flow needs more than a password (the page then says it is not supported here).
    this.calls = new NativeAuthCalls(config, deps, ['password', 'redirect']);
  }

  override async signIn(username: string, password: string): Promise<TokenSet> {
    const flow = 'password-sign-in';
    const { client } = this.calls;
    const started = await successOf(client.signInInitiate({ username }), flow);
    const challenge = await successOf(
      client.signInChallenge({ continuationToken: started.continuation_token }),
      flow,
    );
    if (challenge.challenge_type !== 'password') {
      // The user flow wants a code, which a password sign-in never asks for.
      throw nativeFailureToAuthError({ kind: 'redirect' }, flow);
    }
    return this.calls.signIn(
      { grant: 'password', continuationToken: challenge.continuation_token, password },
      flow,
    );
  }
}
