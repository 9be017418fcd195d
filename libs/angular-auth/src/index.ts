/**
 * @ropc/angular-auth: Azure AD B2C ROPC sign-in for Angular: `provideRopcAuth()`, the signal
 * `AuthStore`, `AuthService`, the functional `authInterceptor` and `authGuard`. Token calls go
 * through the sign-in proxy (default) or straight to a CORS-enabled token endpoint, with
 * `@ropc/protocol` doing the wire work.
 */
export {
  ROPC_AUTH_CONFIG,
  type ProtectedResource,
  type ResolvedRopcAuthConfig,
  type RopcAuthConfig,
} from './ropc-auth-config';
export { RopcAuthConfigError, type RopcAuthConfigErrorCode } from './ropc-auth-config-error';
export { provideRopcAuth } from './provide-ropc-auth';
export type { AuthStatus } from './auth-status';
export { RopcAuthError, isAuthError, type AuthError, type AuthErrorKind } from './auth-error';
export { toAuthError } from './to-auth-error';
export { describeAuthError } from './auth-error-message';
export { AuthStore } from './auth-store';
export { AuthService } from './auth-service';
export { authInterceptor } from './auth-interceptor';
export { authGuard } from './auth-guard';
export { SKIP_AUTH } from './skip-auth';
