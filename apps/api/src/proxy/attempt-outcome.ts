import type { AttemptOutcome } from '@ropc/identity-protection';
import { DEFAULT_LOCKOUT_SECONDS, retryAfterSeconds } from './upstream-backoff';
import type { UpstreamAnswer } from './upstream-token-endpoint';

/**
 * What a forwarded sign-in means for the account's failure budget: only tokens free the slot. A
 * lockout (AADB2C90114) stops attempts for as long as the authority said; a 429, a 5xx or a
 * timeout may or may not have counted a failure upstream, so it counts here as an uncertain one;
 * any other refusal counts as a failure.
 */
export function attemptOutcome(answer: UpstreamAnswer): AttemptOutcome {
  switch (answer.kind) {
    case 'tokens':
      return { kind: 'success' };
    case 'unreachable':
    case 'failed':
      return { kind: 'uncertain' };
    case 'refused':
      if (answer.b2cCode === 'AADB2C90114')
        return {
          kind: 'locked',
          retryAfterSeconds: retryAfterSeconds(answer.retryAfter, DEFAULT_LOCKOUT_SECONDS),
        };
      return answer.status === 429 ? { kind: 'uncertain' } : { kind: 'failure' };
  }
}
