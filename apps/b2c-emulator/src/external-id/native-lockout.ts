import { normaliseUsername } from '@ropc/identity-protection';
import { NATIVE_AUTH_ERRORS } from '@ropc/protocol/native-auth';
import { SmartLockout } from '../protection/smart-lockout';
import type { StoredUser } from '../stores/user-store';
import { verifyPassword } from '../tenant/password-hasher';
import type { NativeAuthContext } from './native-auth-context';
import { NativeAuthRefusal } from './native-auth-refusal';
import { emailOf } from './native-auth-users';

/**
 * Smart lockout as External ID applies it (docs/entra-native-auth-protocol.md §7.2): per account,
 * whatever the client's address — 10 failures by default, lock periods growing on repeats, the
 * same wrong password counted once — on the emulator's atomic lockout (the B2C kind's, keyed
 * here by the account alone). Answered `invalid_grant` with 50053.
 */
export function accountLockoutKey(user: StoredUser): string {
  return SmartLockout.key('account', normaliseUsername(emailOf(user)));
}

function locked(retryAfterSeconds: number): NativeAuthRefusal {
  const { status, error, codes } = NATIVE_AUTH_ERRORS.locked;
  return NativeAuthRefusal.custom(status, error, codes, NATIVE_AUTH_ERRORS.locked.message, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/**
 * Checks a sign-in password under smart lockout: one atomic admission before the hash, then the
 * outcome recorded. A wrong password is `invalid_grant` 50126.
 */
export async function verifySignInPassword(
  context: NativeAuthContext,
  user: StoredUser,
  password: string,
): Promise<void> {
  const { lockout } = context.runtime;
  const key = accountLockoutKey(user);
  const admission = await lockout.admit(key);
  if (!admission.admitted) throw locked(admission.retryAfterSeconds);
  const valid =
    user.passwordHash !== undefined && (await verifyPassword(user.passwordHash, password));
  if (!valid) {
    const after = await lockout.recordFailure(key, admission.ticket, password);
    if (after.locked) throw locked(after.retryAfterSeconds);
    throw NativeAuthRefusal.of('invalid_password');
  }
  const after = await lockout.recordSuccess(key, admission.ticket);
  if (after.locked) throw locked(after.retryAfterSeconds);
}
