import { parseChallengeTypes, type ChallengeType } from '@ropc/protocol/native-auth';
import type { NativeAuthContext } from './native-auth-context';
import { requireParam } from './native-auth-context';
import { NativeAuthRefusal } from './native-auth-refusal';

/**
 * The client's `challenge_type` list (docs/entra-native-auth-protocol.md §2.4): required, every
 * value known (else `invalid_request`), and `redirect` among them (else
 * `unsupported_challenge_type`).
 */
export function readChallengeTypes(context: NativeAuthContext): readonly ChallengeType[] {
  const parsed = parseChallengeTypes(requireParam(context, 'challenge_type'));
  if (!parsed.ok) throw NativeAuthRefusal.of('unknown_challenge_type');
  if (!parsed.types.includes('redirect')) throw NativeAuthRefusal.of('redirect_missing');
  return parsed.types;
}

/**
 * The redirect rule (§2.2, web-fallback): when the client cannot handle every challenge the
 * user flow needs of this user, the answer is 200 `{"challenge_type":"redirect"}` and the app
 * falls back to a browser sign-in.
 */
export function coversNeeds(
  types: readonly ChallengeType[],
  needed: readonly ChallengeType[],
): boolean {
  return needed.every((type) => types.includes(type));
}
