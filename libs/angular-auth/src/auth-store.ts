import { Injectable, computed, inject, type Signal } from '@angular/core';
import type { B2CIdTokenClaims } from '@ropc/protocol';
import type { AuthError } from './auth-error';
import type { AuthStatus } from './auth-status';
import { AuthState } from './auth-state';

/**
 * The session as signals, for templates and guards. Read-only: change it through `AuthService`.
 * Holds no token.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly state = inject(AuthState);

  /** See {@link AuthStatus}. */
  readonly status: Signal<AuthStatus> = this.state.status.asReadonly();
  /** The id token's claims, decoded for display only (not verified in the browser). */
  readonly user: Signal<B2CIdTokenClaims | null> = this.state.user.asReadonly();
  /** When the access token expires, epoch milliseconds. */
  readonly accessTokenExpiresAt: Signal<number | null> =
    this.state.accessTokenExpiresAt.asReadonly();
  /** When the session ends unless refreshed (`refresh_token_expires_in`), epoch milliseconds. */
  readonly sessionEndsAt: Signal<number | null> = this.state.sessionEndsAt.asReadonly();
  /** The last failure of a sign-in or refresh; cleared by a successful sign-in or refresh. */
  readonly lastError: Signal<AuthError | null> = this.state.lastError.asReadonly();
  /** True while `signed-in` or `refreshing`. */
  readonly isSignedIn: Signal<boolean> = computed(() => {
    const status = this.status();
    return status === 'signed-in' || status === 'refreshing';
  });
  /** Resolves (never rejects) when the start-up silent refresh has settled. */
  readonly ready: Promise<void> = this.state.ready;
}
