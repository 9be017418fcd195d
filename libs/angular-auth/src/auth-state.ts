import { Injectable, signal } from '@angular/core';
import type { B2CIdTokenClaims, TokenSet } from '@ropc/protocol';
import type { AuthError } from './auth-error';
import type { AuthStatus } from './auth-status';
import { decodeIdTokenClaims } from './decode-id-token-claims';

/**
 * The session's writable state. Internal: the app reads it through `AuthStore`. The access token
 * lives here, in memory only, and never in a signal (nothing renders or logs it).
 */
@Injectable({ providedIn: 'root' })
export class AuthState {
  readonly status = signal<AuthStatus>('starting');
  readonly user = signal<B2CIdTokenClaims | null>(null);
  readonly accessTokenExpiresAt = signal<number | null>(null);
  readonly sessionEndsAt = signal<number | null>(null);
  readonly lastError = signal<AuthError | null>(null);
  /** Settles once the start-up silent refresh has. */
  readonly ready: Promise<void>;
  /** Bumped when a session starts or ends, so an answer to an older request is dropped. */
  epoch = 0;
  private token: string | null = null;
  /** How long the current access token lives in all, to refresh at most halfway through it. */
  accessTokenLifetimeMs: number | null = null;
  private resolveReady!: () => void;

  constructor() {
    this.ready = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }

  /** The access token, in memory only. */
  get accessToken(): string | null {
    return this.token;
  }

  /** Start-up has settled: leaves `starting` and resolves `ready`. */
  markReady(): void {
    if (this.status() === 'starting') this.status.set(this.token ? 'signed-in' : 'signed-out');
    this.resolveReady();
  }

  /** Takes a fresh token set; the id token's claims replace the user only when one came. */
  apply(tokens: TokenSet, receivedAt: number): void {
    this.token = tokens.accessToken ?? null;
    this.accessTokenLifetimeMs =
      tokens.accessTokenExpiresAt === undefined ? null : tokens.accessTokenExpiresAt - receivedAt;
    this.accessTokenExpiresAt.set(tokens.accessTokenExpiresAt ?? null);
    if (tokens.refreshTokenExpiresAt !== undefined)
      this.sessionEndsAt.set(tokens.refreshTokenExpiresAt);
    if (tokens.idToken !== undefined) this.user.set(decodeIdTokenClaims(tokens.idToken));
    this.lastError.set(null);
    this.status.set('signed-in');
  }

  /** Ends the session in this tab: forgets the token and the user; keeps `error` for the page. */
  clear(error: AuthError | null): void {
    this.epoch++;
    this.token = null;
    this.accessTokenLifetimeMs = null;
    this.user.set(null);
    this.accessTokenExpiresAt.set(null);
    this.sessionEndsAt.set(null);
    this.lastError.set(error);
    if (this.status() !== 'starting') this.status.set('signed-out');
  }
}
