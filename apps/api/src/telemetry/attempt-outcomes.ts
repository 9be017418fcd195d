import type { SignInOutcome } from '@ropc/telemetry';
import type { NativeUpstreamAnswer } from '../proxy/native/native-upstream';
import type { UpstreamAnswer } from '../proxy/upstream-token-endpoint';

/** AADSTS50053: External ID locked the account. */
const NATIVE_LOCKED = 50053;

/** How a forwarded B2C sign-in or refresh ended, as `ropc.outcome` names it. */
export function b2cOutcomeOf(answer: UpstreamAnswer): SignInOutcome {
  switch (answer.kind) {
    case 'tokens':
      return 'success';
    case 'unreachable':
      return 'unreachable';
    case 'failed':
      return 'failed';
    case 'refused':
      if (answer.b2cCode === 'AADB2C90114') return 'locked';
      return answer.status === 429 ? 'throttled' : 'rejected';
  }
}

/** B2C's error code of a refusal (`AADB2C90225`), else its OAuth error. */
export function b2cErrorCodeOf(answer: UpstreamAnswer): string | undefined {
  return answer.kind === 'refused' ? (answer.b2cCode ?? answer.body.error) : undefined;
}

/** How a forwarded native-auth token call ended, as `ropc.outcome` names it. */
export function nativeOutcomeOf(answer: NativeUpstreamAnswer): SignInOutcome {
  if (answer.kind !== 'answered') return answer.kind;
  if (answer.status === 200) return 'success';
  if (answer.status === 429) return 'throttled';
  const codes = answer.body['error_codes'];
  return Array.isArray(codes) && codes.includes(NATIVE_LOCKED) ? 'locked' : 'rejected';
}

/** The native envelope's `error[/suberror]`, if the authority refused. */
export function nativeErrorCodeOf(answer: NativeUpstreamAnswer): string | undefined {
  if (answer.kind !== 'answered' || answer.status === 200) return undefined;
  const { error, suberror } = answer.body;
  if (typeof error !== 'string') return undefined;
  return typeof suberror === 'string' && suberror !== '' ? `${error}/${suberror}` : error;
}
