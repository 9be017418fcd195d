/** Where direct mode keeps the refresh token. Never the persistent (local) Web Storage. */
export interface RefreshTokenStore {
  get(): string | null;
  set(refreshToken: string): void;
  clear(): void;
}

/** The `sessionStorage` key direct mode keeps the refresh token under. */
export const REFRESH_TOKEN_SESSION_KEY = 'ropc-auth:refresh-token';

/** In memory: lost on reload, never readable by other scripts through storage. */
class MemoryRefreshTokenStore implements RefreshTokenStore {
  private value: string | null = null;

  get(): string | null {
    return this.value;
  }

  set(refreshToken: string): void {
    this.value = refreshToken;
  }

  clear(): void {
    this.value = null;
  }
}

/**
 * In `sessionStorage`: survives a reload of this tab, gone when the tab closes, not shared with
 * other tabs. Storage failures (disabled storage, private modes) degrade to "nothing stored".
 */
class SessionRefreshTokenStore implements RefreshTokenStore {
  get(): string | null {
    try {
      return globalThis.sessionStorage.getItem(REFRESH_TOKEN_SESSION_KEY);
    } catch {
      return null;
    }
  }

  set(refreshToken: string): void {
    try {
      globalThis.sessionStorage.setItem(REFRESH_TOKEN_SESSION_KEY, refreshToken);
    } catch {
      // Not kept: the session then ends with this page, as in memory mode.
    }
  }

  clear(): void {
    try {
      globalThis.sessionStorage.removeItem(REFRESH_TOKEN_SESSION_KEY);
    } catch {
      // Nothing was stored.
    }
  }
}

/** Creates the store for the `refreshTokenStorage` setting. */
export function createRefreshTokenStore(kind: 'memory' | 'sessionStorage'): RefreshTokenStore {
  return kind === 'sessionStorage' ? new SessionRefreshTokenStore() : new MemoryRefreshTokenStore();
}
