import { DirectTokenTransport } from './direct-token-transport';
import { NativeTokenTransport } from './native-token-transport';
import { ProxyTokenTransport } from './proxy-token-transport';
import { createRefreshTokenStore } from './refresh-token-store';
import type { ResolvedRopcAuthConfig } from './ropc-auth-config';
import type { TokenTransport, TokenTransportDeps } from './token-transport';

/** The transport for the configured authority and `mode`. */
export function createTokenTransport(
  config: ResolvedRopcAuthConfig,
  deps: TokenTransportDeps,
): TokenTransport {
  if (config.authorityKind === 'external-id') return new NativeTokenTransport(config, deps);
  return config.mode === 'proxy'
    ? new ProxyTokenTransport(config, deps)
    : new DirectTokenTransport(config, deps, createRefreshTokenStore(config.refreshTokenStorage));
}
