import type { TokenSet } from '@ropc/protocol';

/**
 * How this tab gets tokens: through the sign-in proxy or directly from the token endpoint. Every
 * method throws `@ropc/protocol` errors (or an `RopcAuthError`); the session maps them.
 */
export interface TokenTransport {
  /** The password grant. The password is sent once and not kept. */
  signIn(username: string, password: string): Promise<TokenSet>;
  /** Renews the tokens without the user. */
  refresh(): Promise<TokenSet>;
  /** Ends the session where a server keeps it (the proxy's cookie); a no-op in direct mode. */
  signOut(): Promise<void>;
  /** False when a refresh cannot work (direct mode without a refresh token). */
  canRefresh(): boolean;
  /**
   * Keeps what this transport needs from an accepted token set (direct mode: the refresh token).
   */
  remember(tokens: TokenSet): void;
  /** Drops whatever {@link remember} kept. */
  forget(): void;
}

/** What every transport needs besides the configuration. */
export interface TokenTransportDeps {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  /** What relative endpoints resolve against: `document.baseURI`, read when first needed. */
  readonly baseUri: () => string;
}
