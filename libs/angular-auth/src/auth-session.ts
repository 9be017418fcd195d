import { DOCUMENT, Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import type { TokenSet } from '@ropc/protocol';
import { isAuthError, type RopcAuthError } from './auth-error';
import { AUTH_CLOCK, AUTH_SLEEP } from './auth-clock';
import { AuthConfigHolder } from './auth-config-holder';
import { AUTH_FETCH } from './auth-fetch';
import { AuthState } from './auth-state';
import { AuthTabSync, type AuthTabMessage } from './auth-tab-sync';
import { createTokenTransport } from './create-token-transport';
import { withRefreshLock } from './refresh-lock';
import { redirectToSignIn } from './sign-in-redirect';
import { toAuthError } from './to-auth-error';
import type { TokenTransport } from './token-transport';

const ignore = (): void => undefined;

/**
 * The longest `Retry-After` the start-up refresh waits out before showing the user as signed out
 * (the proxy's refresh limits count per minute).
 */
export const MAX_STARTUP_RETRY_WAIT_SECONDS = 60;

/** Refreshes are at least this far apart, or half the token's life when that is shorter. */
export const MIN_REFRESH_INTERVAL_MS = 60_000;

/**
 * The session engine behind `AuthService`: sign-in, the single-flight refresh, sign-out, start-up
 * and other tabs' messages. Internal. Every answer is applied only if no sign-in or sign-out
 * happened since its request was sent (the state's `epoch`).
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly state = inject(AuthState);
  private readonly configHolder = inject(AuthConfigHolder);
  private readonly tabs = inject(AuthTabSync);
  private readonly fetch = inject(AUTH_FETCH);
  private readonly now = inject(AUTH_CLOCK);
  private readonly sleep = inject(AUTH_SLEEP);
  private readonly router = inject(Router, { optional: true });
  private readonly document = inject(DOCUMENT);
  private transportInstance: TokenTransport | undefined;
  private inFlight: Promise<void> | null = null;
  /** When this tab's last refresh succeeded (epoch ms). */
  private refreshedAt: number | null = null;

  /** The password grant; on success other tabs are told. Rejects with an `RopcAuthError`. */
  signIn(username: string, password: string): Promise<void> {
    return this.signInWith((transport) => transport.signIn(username, password));
  }

  /**
   * Any sign-in's last step (a password, a one-time code, the end of a sign-up or a reset): the
   * tokens it gets start the session here and other tabs are told. Rejects with an
   * `RopcAuthError`.
   */
  async signInWith(obtain: (transport: TokenTransport) => Promise<TokenSet>): Promise<void> {
    const transport = this.transport();
    const hadSession = this.state.accessToken !== null;
    const epoch = ++this.state.epoch;
    this.state.lastError.set(null);
    this.state.status.set('signing-in');
    try {
      const tokens = await obtain(transport);
      if (epoch !== this.state.epoch) return;
      transport.remember(tokens);
      this.state.apply(tokens, this.now());
      this.tabs.post('signed-in');
    } catch (error) {
      const failure = toAuthError(error);
      if (epoch === this.state.epoch) {
        this.state.lastError.set(failure);
        this.state.status.set(hadSession ? 'signed-in' : 'signed-out');
      }
      throw failure;
    }
  }

  /** One refresh at a time in this tab (callers share it) and across tabs (Web Locks). */
  refresh(silent = false): Promise<void> {
    this.inFlight ??= this.runRefresh(silent).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** The access token, refreshed first when it expires within `refreshAheadSeconds`. */
  async accessToken(): Promise<string | null> {
    if (this.state.status() === 'starting') await this.state.ready;
    if (this.state.accessToken === null && this.inFlight) await this.inFlight.catch(ignore);
    const token = this.state.accessToken;
    const expiresAt = this.state.accessTokenExpiresAt();
    if (token === null || expiresAt === null || !this.expiresSoon(expiresAt)) return token;
    try {
      await this.refresh();
    } catch (error) {
      // A refresh ahead of expiry that failed for a passing reason leaves a token still usable.
      if (this.state.accessToken === token && expiresAt > this.now()) return token;
      throw error;
    }
    return this.state.accessToken;
  }

  /** Ends the session here and in every tab; with the proxy, ends it server-side too. */
  async signOut(): Promise<void> {
    const transport = this.transport();
    this.state.clear(null);
    transport.forget();
    this.tabs.post('signed-out');
    try {
      await transport.signOut();
    } catch (error) {
      this.state.lastError.set(toAuthError(error));
    }
  }

  /**
   * Start-up: listen to other tabs, then try a silent refresh (proxy cookie, stored token). When
   * the proxy throttles it (429 with a short `Retry-After`), wait that long and try once more,
   * rather than show a signed-in user as signed out.
   */
  async start(inBrowser: boolean): Promise<void> {
    if (inBrowser) {
      this.tabs.connect((message) => {
        this.onTabMessage(message);
      });
      if (this.transport().canRefresh()) await this.startupRefresh();
    }
    this.state.markReady();
  }

  private async startupRefresh(): Promise<void> {
    try {
      await this.refresh(true);
    } catch (error) {
      const wait =
        isAuthError(error) && error.kind === 'throttled' ? error.retryAfterSeconds : undefined;
      if (wait === undefined || wait > MAX_STARTUP_RETRY_WAIT_SECONDS) return;
      await this.sleep(wait * 1000);
      await this.refresh(true).catch(ignore);
    }
  }

  private onTabMessage(message: AuthTabMessage): void {
    if (message.type === 'signed-out') {
      this.state.clear(null);
      this.transport().forget();
      // Another tab signed out: leave this tab's private page too, keeping where it was.
      if (this.router) redirectToSignIn(this.router, this.configHolder.get().signInPath);
    } else if (this.transport().canRefresh()) {
      // Tokens never cross the channel: this tab fetches its own (the proxy cookie is shared).
      void this.refresh(true).catch(ignore);
    }
  }

  private async runRefresh(silent: boolean): Promise<void> {
    const transport = this.transport();
    const epoch = this.state.epoch;
    if (this.state.status() === 'signed-in') this.state.status.set('refreshing');
    try {
      const tokens = await withRefreshLock(() => transport.refresh());
      if (epoch !== this.state.epoch) return;
      transport.remember(tokens);
      this.refreshedAt = this.now();
      this.state.apply(tokens, this.now());
    } catch (error) {
      const failure = toAuthError(error);
      if (epoch === this.state.epoch) this.failRefresh(failure, silent);
      throw failure;
    }
  }

  private failRefresh(failure: RopcAuthError, silent: boolean): void {
    if (failure.kind === 'session_expired') {
      this.transport().forget();
      // Finding no session at start-up or on another tab's word is not an error to show.
      this.state.clear(silent ? null : failure);
      return;
    }
    this.state.lastError.set(failure);
    if (this.state.status() === 'refreshing') this.state.status.set('signed-in');
  }

  /**
   * Refresh ahead by `refreshAheadSeconds`, but never earlier than halfway through the token's
   * life: with short-lived tokens a fixed lead would refresh before every call.
   */
  private expiresSoon(expiresAt: number): boolean {
    const lead = this.configHolder.get().refreshAheadSeconds * 1000;
    const lifetime = this.state.accessTokenLifetimeMs;
    const capped = lifetime === null ? lead : Math.min(lead, lifetime / 2);
    return expiresAt - this.now() <= capped && this.mayRefreshAgain();
  }

  /**
   * Whether a refresh ahead of expiry may go out: at most every min(60 s, half the token's life),
   * so that the proxy's per-session refresh limit always has room (docs/architecture.md, "The
   * sign-in proxy").
   */
  private mayRefreshAgain(): boolean {
    if (this.refreshedAt === null) return true;
    const lifetime = this.state.accessTokenLifetimeMs ?? MIN_REFRESH_INTERVAL_MS * 2;
    return this.now() - this.refreshedAt >= Math.min(MIN_REFRESH_INTERVAL_MS, lifetime / 2);
  }

  private transport(): TokenTransport {
    this.transportInstance ??= createTokenTransport(this.configHolder.get(), {
      fetch: this.fetch,
      now: this.now,
      baseUri: () => this.document.baseURI,
    });
    return this.transportInstance;
  }
}
