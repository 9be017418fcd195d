import {
  formatScope,
  passwordGrantRequest,
  processTokenResponse,
  refreshTokenGrantRequest,
  toTokenSet,
  tokenEndpointRequest,
  type TokenRequest,
  type TokenSet,
} from '@ropc/protocol';
import type { RefreshTokenStore } from './refresh-token-store';
import type { ResolvedRopcAuthConfig } from './ropc-auth-config';
import { authError } from './to-auth-error';
import type { TokenTransport, TokenTransportDeps } from './token-transport';

/**
 * Token calls straight to a token endpoint that allows CORS (docs/architecture.md: direct mode).
 * Sends `client_id`, the configured scopes and `response_type=token id_token` on both grants, and
 * keeps the rotating refresh token in the configured {@link RefreshTokenStore}.
 */
export class DirectTokenTransport implements TokenTransport {
  constructor(
    private readonly config: ResolvedRopcAuthConfig,
    private readonly deps: TokenTransportDeps,
    private readonly store: RefreshTokenStore,
  ) {}

  signIn(username: string, password: string): Promise<TokenSet> {
    const scope = formatScope(this.config.scopes);
    return this.send(passwordGrantRequest(this.config.clientId, { username, password, scope }));
  }

  refresh(): Promise<TokenSet> {
    const refreshToken = this.store.get();
    if (refreshToken === null) return Promise.reject(authError('session_expired'));
    const scope = formatScope(this.config.scopes);
    return this.send(refreshTokenGrantRequest(this.config.clientId, { refreshToken, scope }));
  }

  signOut(): Promise<void> {
    // B2C has no revocation endpoint for ROPC: forgetting the tokens is all a client can do.
    return Promise.resolve();
  }

  canRefresh(): boolean {
    return this.store.get() !== null;
  }

  remember(tokens: TokenSet): void {
    if (tokens.refreshToken !== undefined) this.store.set(tokens.refreshToken);
  }

  forget(): void {
    this.store.clear();
  }

  private async send(request: TokenRequest): Promise<TokenSet> {
    const requestedAt = this.deps.now();
    const response = await tokenEndpointRequest(
      {
        tokenEndpoint: this.config.tokenEndpoint,
        clientId: this.config.clientId,
        fetch: this.deps.fetch,
      },
      request,
    );
    return toTokenSet(await processTokenResponse(response), requestedAt);
  }
}
