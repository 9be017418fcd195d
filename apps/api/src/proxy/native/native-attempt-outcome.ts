import type { AttemptOutcome } from '@ropc/identity-protection';
import { DEFAULT_LOCKOUT_SECONDS, retryAfterSeconds } from '../upstream-backoff';
import type { NativeUpstreamAnswer } from './native-upstream';

/** AADSTS50053: the account is locked (smart lockout). */
const LOCKED = 50053;

/**
 * Errors that come after the credential was accepted: the flow goes on (sign-up wants a password
 * or attributes), or the account must do something else first — not a failed attempt.
 */
const ACCEPTED_ERRORS: readonly string[] = [
  'credential_required',
  'attributes_required',
  'verification_required',
];

function errorCodesOf(body: Record<string, unknown>): unknown[] {
  const codes = body['error_codes'];
  return Array.isArray(codes) ? codes : [];
}

/**
 * What a forwarded credential attempt means for the account's failure budget: a 2xx (or a flow
 * going on after the credential) frees the slot; a lockout (50053) stops attempts for as long as
 * the authority said; a 429, a 5xx or a timeout may have counted upstream, so it counts here as
 * uncertain; any other refusal counts as a failure.
 */
export function nativeAttemptOutcome(answer: NativeUpstreamAnswer): AttemptOutcome {
  if (answer.kind !== 'answered') return { kind: 'uncertain' };
  const { status, body } = answer;
  if (status >= 200 && status < 300) return { kind: 'success' };
  if (status === 429) return { kind: 'uncertain' };
  if (errorCodesOf(body).includes(LOCKED))
    return {
      kind: 'locked',
      retryAfterSeconds: retryAfterSeconds(
        answer.headers['retry-after'] ?? null,
        DEFAULT_LOCKOUT_SECONDS,
      ),
    };
  const error = body['error'];
  if (typeof error === 'string' && ACCEPTED_ERRORS.includes(error)) return { kind: 'success' };
  return { kind: 'failure' };
}
