import type { TokenSet } from '@ropc/protocol';
import { ProxyTokenTransport } from './proxy-token-transport';

/**
 * External ID through the proxy: the password sign-in is native authentication's three calls at
 * `nativeAuthBase`; the session the proxy keeps then refreshes and ends at `/api/auth/refresh` and
 * `/api/auth/sign-out` exactly as a B2C session does, since `ropc_session` records its authority.
 */
export class NativeTokenTransport extends ProxyTokenTransport {
  override async signIn(username: string, password: string): Promise<TokenSet> {
    // Loaded on first use: the native-auth client stays out of the initial bundle, which a
    // returning user's start-up (a refresh through the cookie) never needs.
    const { nativePasswordSignIn } = await import('./native-auth/native-password-sign-in');
    return nativePasswordSignIn(this.config, this.deps, username, password);
  }
}
