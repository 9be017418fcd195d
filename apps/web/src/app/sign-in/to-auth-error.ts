import type { AuthError } from '@ropc/angular-auth';

const KINDS: ReadonlySet<string> = new Set<AuthError['kind']>([
  'invalid_credentials',
  'locked_out',
  'throttled',
  'account_protected',
  'network',
  'server_error',
  'session_expired',
  'unknown',
]);

/**
 * The `AuthError` that `AuthService.signIn` rejected with; anything else (a bug, not a sign-in
 * outcome) becomes kind `unknown`, so the page always has one message to show.
 */
export function toAuthError(reason: unknown): AuthError {
  if (typeof reason === 'object' && reason !== null && 'kind' in reason) {
    const { kind } = reason;
    if (typeof kind === 'string' && KINDS.has(kind)) return reason as AuthError;
  }
  return { kind: 'unknown', message: reason instanceof Error ? reason.message : String(reason) };
}
