import {
  classifyNativeAuthFailure,
  isPasswordPolicyKind,
  type NativeAuthFailure,
  type NativeAuthFailureKind,
} from '@ropc/protocol/native-auth';
import type { AuthErrorKind, RopcAuthError } from '../auth-error';
import { authError } from '../to-auth-error';

/**
 * Which flow a failure belongs to. A password sign-in says "wrong email or password" for an
 * unknown user too, as B2C's ROPC does; the code flows must say that no account was found, since
 * no code can be sent (External ID's own pages say so as well).
 */
export type NativeFlowName = 'password-sign-in' | 'code-sign-in' | 'sign-up' | 'password-reset';

/** The proxy's suberror for an attempt its failure budget refused (apps/api, "account protected"). */
const ACCOUNT_PROTECTED = 'account_protected';

const KINDS: Partial<Readonly<Record<NativeAuthFailureKind, AuthErrorKind>>> = {
  invalid_password: 'invalid_credentials',
  invalid_code: 'invalid_code',
  user_already_exists: 'user_exists',
  attribute_validation_failed: 'invalid_details',
  invalid_username: 'invalid_details',
  expired_token: 'flow_expired',
  throttled: 'throttled',
  locked: 'locked_out',
  password_reset_required: 'password_reset_required',
  // The user flow needs what this client does not do natively (a browser sign-in, MFA, details
  // it does not ask for): say so rather than fail vaguely.
  redirect: 'not_supported',
  unsupported_challenge_type: 'not_supported',
  strong_auth_required: 'not_supported',
  verification_required: 'not_supported',
  attributes_required: 'not_supported',
  credential_required: 'not_supported',
  invalid_response: 'server_error',
};

function kindOf(failure: NativeAuthFailure, flow: NativeFlowName): AuthErrorKind {
  if (failure.kind === 'error') {
    if (failure.error.suberror === ACCOUNT_PROTECTED) return 'account_protected';
    if (failure.error.status >= 500) return 'server_error';
    // The proxy's continuation wrapper was refused (missing, foreign or expired): start again.
    if (failure.error.error === 'invalid_grant' && failure.error.errorCodes.includes(55200))
      return 'flow_expired';
  }
  const kind = classifyNativeAuthFailure(failure);
  if (kind === 'user_not_found')
    return flow === 'password-sign-in' ? 'invalid_credentials' : 'user_not_found';
  if (isPasswordPolicyKind(kind)) return kind;
  return KINDS[kind] ?? 'unknown';
}

/**
 * Maps a failed native-authentication call to the error `NativeAuthService` rejects with: its
 * kind from `@ropc/protocol`'s classifier, the trace id as the correlation id for support, and
 * `Retry-After` when the server sent one. The server's own text is never shown.
 */
export function nativeFailureToAuthError(
  failure: NativeAuthFailure,
  flow: NativeFlowName,
): RopcAuthError {
  const retryAfterSeconds =
    failure.kind === 'error'
      ? failure.error.retryAfterSeconds
      : failure.kind === 'invalid_response'
        ? failure.retryAfterSeconds
        : undefined;
  const correlationId =
    failure.kind === 'error' ? (failure.error.traceId ?? failure.requestId) : failure.requestId;
  return authError(kindOf(failure, flow), { correlationId, retryAfterSeconds });
}
