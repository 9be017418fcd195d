import { Injectable, inject } from '@angular/core';
import { AuthSession } from './auth-session';

/**
 * Signs the user in and out and hands out the access token. Failures reject with an
 * `RopcAuthError` (an {@link AuthError}) and set `AuthStore.lastError`.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly session = inject(AuthSession);

  /**
   * The password grant, through the proxy or directly. The password is sent once and never kept.
   * On success every other tab is told (and fetches its own tokens).
   *
   * @throws RopcAuthError `invalid_credentials`, `locked_out`, `throttled`, `network`,
   *   `server_error` or `unknown`.
   */
  signIn(username: string, password: string): Promise<void> {
    return this.session.signIn(username, password);
  }

  /**
   * Forgets the session in this tab and every other one; with the proxy also
   * `POST /api/auth/sign-out`, which ends it server-side. Never rejects: a failed server call
   * shows in `AuthStore.lastError`.
   */
  signOut(): Promise<void> {
    return this.session.signOut();
  }

  /**
   * Renews the access token. Concurrent callers share one request; tabs take turns (Web Locks).
   *
   * @throws RopcAuthError; `session_expired` also signs this tab out.
   */
  refresh(): Promise<void> {
    return this.session.refresh();
  }

  /**
   * The access token, refreshed first when it expires within `refreshAheadSeconds`; null when
   * signed out. Waits for the start-up silent refresh. Keep it in memory only, as this library
   * does.
   *
   * @throws RopcAuthError when a needed refresh failed and the token has expired.
   */
  accessToken(): Promise<string | null> {
    return this.session.accessToken();
  }
}
