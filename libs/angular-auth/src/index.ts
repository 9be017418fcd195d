/**
 * @ropc/angular-auth: sign-in for Angular with Azure AD B2C's ROPC or Entra External ID's native
 * authentication: `provideRopcAuth()`, the signal `AuthStore`, `AuthService`, the functional
 * `authInterceptor` and `authGuard`; for External ID's code sign-in, sign-up and password reset,
 * `NativeAuthService` from the secondary entry point `@ropc/angular-auth/native-auth`. Token calls go through the sign-in proxy (default) or, for B2C,
 * straight to a CORS-enabled token endpoint, with `@ropc/protocol` doing the wire work.
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
export { isPasswordRefusal } from './is-password-refusal';
export { AuthStore } from './auth-store';
export { AuthService } from './auth-service';
export { authInterceptor } from './auth-interceptor';
export { authGuard } from './auth-guard';
export { SKIP_AUTH } from './skip-auth';
