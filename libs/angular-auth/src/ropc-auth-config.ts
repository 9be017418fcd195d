import { InjectionToken, inject } from '@angular/core';
import { AuthConfigHolder } from './auth-config-holder';

/** One API the access token is sent to: an exact origin plus a path prefix. */
export interface ProtectedResource {
  /** Absolute (`https://api.contoso.com/notes/`) or relative to `document.baseURI` (`/api/`). */
  readonly url: string;
  /** The scopes that API needs; they must be among {@link RopcAuthConfig.scopes}. */
  readonly scopes: readonly string[];
}

/**
 * The web client's runtime configuration: the `config.json` of docs/architecture.md ("Web runtime
 * configuration"), plus optional client settings. Validated by {@link provideRopcAuth}.
 */
export interface RopcAuthConfig {
  /**
   * Which authority signs users in. `b2c` (default): Azure AD B2C's ROPC password grant.
   * `external-id`: Microsoft Entra External ID's native authentication through the proxy's
   * `nativeAuthBase`, which also offers sign-up and password reset in the app.
   */
  readonly authorityKind?: 'b2c' | 'external-id';
  /** External ID only: the proxy's native-authentication route. Default `/api/auth/native`. */
  readonly nativeAuthBase?: string;
  /**
   * External ID only: `password` (default), or `email-otp` when the app's user flow is the e-mail
   * one-time passcode one (the user types a code sent by e-mail instead of a password).
   */
  readonly signInMethod?: 'password' | 'email-otp';
  /**
   * `proxy` (default deployment): token calls go to the same-origin sign-in proxy, which keeps the
   * refresh token in an HttpOnly cookie. `direct`: the browser calls a token endpoint that allows
   * CORS.
   */
  readonly mode: 'proxy' | 'direct';
  /** `/api/auth/token` (proxy) or the authority's token URL (direct). */
  readonly tokenEndpoint: string;
  /** The web client's B2C application id. */
  readonly clientId: string;
  /**
   * Requested as configured on every grant, e.g. `openid offline_access` plus one API's scopes:
   * B2C issues an access token for one resource only.
   */
  readonly scopes: readonly string[];
  /** Where the access token may be sent; every other URL gets no `Authorization` header. */
  readonly protectedResources: readonly ProtectedResource[];
  /**
   * B2C only, where ROPC has no reset of its own: the hosted password-reset user flow's page,
   * linked from the sign-in page and shown by the app's reset route.
   */
  readonly passwordResetUrl?: string;
  /** B2C only, where ROPC has no sign-up: the hosted sign-up user flow's page, linked likewise. */
  readonly signUpUrl?: string;
  /** Direct mode only: where the refresh token is kept. Default `memory` (lost on reload). */
  readonly refreshTokenStorage?: 'memory' | 'sessionStorage';
  /** Refresh the access token when it expires within this many seconds. Default 60. */
  readonly refreshAheadSeconds?: number;
  /**
   * The sign-in route the guard and the interceptor send signed-out users to. Default `/sign-in`.
   */
  readonly signInPath?: string;
}

/** A validated configuration with every default filled in. */
export interface ResolvedRopcAuthConfig extends RopcAuthConfig {
  readonly authorityKind: 'b2c' | 'external-id';
  readonly nativeAuthBase: string;
  readonly signInMethod: 'password' | 'email-otp';
  readonly refreshTokenStorage: 'memory' | 'sessionStorage';
  readonly refreshAheadSeconds: number;
  readonly signInPath: string;
}

/**
 * The validated configuration, defaults filled in. Available once {@link provideRopcAuth}'s app
 * initializer has run (with a loader, after `config.json` arrived); injecting it earlier throws a
 * `RopcAuthConfigError` with code `ERR_AUTH_CONFIG_NOT_LOADED`.
 */
export const ROPC_AUTH_CONFIG = new InjectionToken<ResolvedRopcAuthConfig>('ROPC_AUTH_CONFIG', {
  providedIn: 'root',
  factory: () => inject(AuthConfigHolder).get(),
});
