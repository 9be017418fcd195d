import type { PasswordPolicyKind } from '@ropc/protocol/native-auth';
import type { StoredUser } from '../stores/user-store';
import { verifyPassword } from '../tenant/password-hasher';
import { NativeAuthRefusal } from './native-auth-refusal';

/** Words a password may not contain, whatever the case (a stand-in for the banned-password list). */
const BANNED_WORDS = ['password'];

/**
 * External ID's password rules as the emulator applies them (docs/entra-native-auth-protocol.md
 * §9: 8 to 256 characters; the complexity rule itself is unconfirmed, so the emulator asks for
 * three of lower case, upper case, digits and symbols, as Microsoft Entra's "strong" policy
 * does), answered with the suberror a client switches on (§7.1).
 */
export async function checkNewPassword(
  password: string,
  username: string,
  current?: StoredUser,
): Promise<void> {
  const refuse = (kind: PasswordPolicyKind) => NativeAuthRefusal.of(kind);
  // Counted in code points, as a user counts characters (an astral character is one).
  const length = Array.from(password).length;
  if (length < 8) throw refuse('password_too_short');
  if (length > 256) throw refuse('password_too_long');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((test) =>
    test.test(password),
  ).length;
  if (classes < 3) throw refuse('password_too_weak');
  const lower = password.toLowerCase();
  const localPart = username.split('@')[0]?.toLowerCase() ?? '';
  if (
    BANNED_WORDS.some((word) => lower.includes(word)) ||
    (localPart.length >= 4 && lower.includes(localPart))
  )
    throw refuse('password_banned');
  if (current?.passwordHash !== undefined && (await verifyPassword(current.passwordHash, password)))
    throw refuse('password_recently_used');
}
