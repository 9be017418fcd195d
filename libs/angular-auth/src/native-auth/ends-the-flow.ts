import type { AuthError, AuthErrorKind } from '../auth-error';

/**
 * `flow_expired`: the continuation token (or the proxy's wrapper of it) is too old or was refused.
 * `user_not_found`: the account went away while its flow ran. Neither gets better by trying the
 * same step again.
 */
const FLOW_ENDING_KINDS: ReadonlySet<AuthErrorKind> = new Set<AuthErrorKind>([
  'flow_expired',
  'user_not_found',
]);

/**
 * True when a step of a flow (the code of a code sign-in, sign-up or reset, or the reset's new
 * password) failed in a way that leaves the flow's continuation token of no use: the page starts
 * the flow again from its first step, saying why. Every other failure (a wrong code, a refused
 * password, throttling, the network) leaves the step usable for another try.
 */
export function endsTheFlow(error: Pick<AuthError, 'kind'>): boolean {
  return FLOW_ENDING_KINDS.has(error.kind);
}
