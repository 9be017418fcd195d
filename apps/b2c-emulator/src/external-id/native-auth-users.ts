import { normaliseUsername } from '@ropc/identity-protection';
import type { StoredUser } from '../stores/user-store';
import { requireParam, type NativeAuthContext } from './native-auth-context';
import { NativeAuthRefusal } from './native-auth-refusal';

/** Longest sign-in name accepted: an e-mail address's limit. */
const MAX_USERNAME_LENGTH = 254;

/**
 * The `username` of a start: an e-mail address, since External ID's local accounts sign in with
 * one (§3.1); anything else is `invalid_request` with 90100 and MSAL's expected text.
 */
export function readUsername(context: NativeAuthContext): string {
  const username = requireParam(context, 'username');
  const at = username.indexOf('@');
  if (
    username.length > MAX_USERNAME_LENGTH ||
    at < 1 ||
    at !== username.lastIndexOf('@') ||
    at === username.length - 1 ||
    /\s/.test(username)
  )
    throw NativeAuthRefusal.of('invalid_username');
  return username;
}

/** The user a sign-in name belongs to, looked up normalised. */
export function findUser(
  context: NativeAuthContext,
  username: string,
): Promise<StoredUser | undefined> {
  return context.runtime.users.findBySignInName(username);
}

/** The e-mail address codes go to: the user's e-mail sign-in name. */
export function emailOf(user: StoredUser): string {
  const identity =
    user.identities.find((each) => each.signInType === 'emailAddress') ?? user.identities[0];
  return identity?.issuerAssignedId ?? '';
}

/** Two sign-in names name the same account (`normaliseUsername`: NFKC, trimmed, lower case). */
export function sameUsername(a: string, b: string): boolean {
  return normaliseUsername(a) === normaliseUsername(b);
}
