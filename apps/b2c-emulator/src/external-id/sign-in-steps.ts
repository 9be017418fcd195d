import {
  createContinuationResponse,
  createRedirectResponse,
  type ChallengeType,
} from '@ropc/protocol/native-auth';
import type { StoredUser } from '../stores/user-store';
import { coversNeeds, readChallengeTypes } from './challenge-types';
import { challengeWithPassword, flowUserId, readFlow, startFlow } from './continuation-tokens';
import type { ExternalIdUserFlow } from './external-id-tenant';
import { clientUserFlow, type NativeAuthContext } from './native-auth-context';
import type { NativeAuthStep } from './native-auth-endpoint';
import { NativeAuthRefusal } from './native-auth-refusal';
import { emailOf, findUser, readUsername } from './native-auth-users';
import { challengeWithCode } from './one-time-code-step';

/**
 * Sign-in (docs/entra-native-auth-protocol.md §3.1–§3.2, §3.5): initiate, then challenge, which
 * asks for the password or sends a code; the token endpoint finishes (token-grants.ts).
 */

/**
 * What the user must prove: the password in an "e-mail with password" flow, when the user has
 * one; otherwise a code sent by e-mail (an "e-mail one-time passcode" flow, or a code-only user).
 */
function challengeFor(flow: ExternalIdUserFlow, user: StoredUser): ChallengeType {
  return flow.signInMethod === 'emailPassword' && user.passwordHash !== undefined
    ? 'password'
    : 'oob';
}

/** The flow's method, as initiate stored it. */
function methodOf(data: Readonly<Record<string, unknown>>): ChallengeType {
  return data['method'] === 'password' ? 'password' : 'oob';
}

/** The user a live flow is for; gone since (deleted through Graph) reads as not found. */
export async function flowUser(context: NativeAuthContext, userId: string): Promise<StoredUser> {
  const user = await context.runtime.users.get(userId);
  if (!user) throw NativeAuthRefusal.of('user_not_found');
  return user;
}

/** POST oauth2/v2.0/initiate: `username`, `challenge_type` → a continuation token or redirect. */
export const signInInitiate: NativeAuthStep = async (context) => {
  const flow = clientUserFlow(context);
  const username = readUsername(context);
  const types = readChallengeTypes(context);
  const user = await findUser(context, username);
  if (!user) throw NativeAuthRefusal.of('user_not_found');
  const method = challengeFor(flow, user);
  if (!coversNeeds(types, [method])) return createRedirectResponse();
  const token = await startFlow(
    context,
    'sign-in',
    { kind: 'existing', userId: user.id },
    'challenge',
    { method },
  );
  return createContinuationResponse(token);
};

/**
 * POST oauth2/v2.0/challenge: the password challenge, or a code sent to the user's address. Sent
 * again with the token of an `oob` answer, it sends a new code that replaces the old one (§3.2),
 * and the token stays the same.
 */
export const signInChallenge: NativeAuthStep = async (context) => {
  const types = readChallengeTypes(context);
  const { token, state } = await readFlow(context, 'sign-in', ['challenge', 'oob']);
  const method = methodOf(state.data);
  if (!coversNeeds(types, [method])) return createRedirectResponse();
  const user = await flowUser(context, flowUserId(state));
  if (method === 'password') return challengeWithPassword(context, token, state);
  return challengeWithCode(context, token, state, emailOf(user), 'sign-in');
};

/** POST oauth2/v2.0/introspect: strong authentication is not emulated (§3.5). */
export const signInIntrospect: NativeAuthStep = () =>
  Promise.reject(
    NativeAuthRefusal.custom(
      400,
      'invalid_request',
      [],
      'Multifactor authentication is not enabled for this tenant: no method to introspect.',
    ),
  );
