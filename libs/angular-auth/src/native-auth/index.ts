/**
 * @ropc/angular-auth/native-auth: Entra External ID's in-app flows beyond a password sign-in —
 * sign-in with an e-mailed code, sign-up and password reset — as `NativeAuthService` and its step
 * objects. A secondary entry point, so that an app's initial bundle (which needs only
 * `@ropc/angular-auth`) never carries the native-auth client: import it from lazy pages.
 */
export { NativeAuthService } from './native-auth-service';
export { endsTheFlow } from './ends-the-flow';
export type { OneTimeCodeStep } from './one-time-code-step';
export type { CodeSignInStep } from './code-sign-in';
export type { SignUpCodeStep, SignUpDetails } from './sign-up';
export type { NewPasswordStep, PasswordResetCodeStep } from './password-reset';
