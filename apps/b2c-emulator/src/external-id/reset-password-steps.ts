import {
  MAX_RESET_TOKEN_SECONDS,
  createContinuationResponse,
  createRedirectResponse,
  createResetPasswordContinueResponse,
  createResetPasswordPollCompletionResponse,
  createResetPasswordSubmitResponse,
} from '@ropc/protocol/native-auth';
import { hashPassword } from '../tenant/password-hasher';
import { coversNeeds, readChallengeTypes } from './challenge-types';
import { advanceFlow, flowUserId, readFlow, startFlow, updateFlow } from './continuation-tokens';
import { requireParam } from './native-auth-context';
import type { NativeAuthStep } from './native-auth-endpoint';
import { NativeAuthRefusal } from './native-auth-refusal';
import { emailOf, findUser, readUsername } from './native-auth-users';
import { accountLockoutKey } from './native-lockout';
import { challengeWithCode, checkCode, withCode } from './one-time-code-step';
import { checkNewPassword } from './password-policy';
import { flowUser } from './sign-in-steps';

/**
 * Self-service password reset (docs/entra-native-auth-protocol.md §5): start → challenge (a code
 * to the address) → continue with the code → submit the new password → poll until `succeeded`,
 * whose token signs the user in with the `continuation_token` grant. The new password takes effect
 * at submit; it ends the user's refresh tokens and unlocks the account.
 *
 * Steps of the flow's tokens: `challenge` (after start), `oob` (a code was sent), `submit` (the
 * code was right), `poll` (the new password is set; the same token polls every time).
 */

/** Seconds between polls, as in the published example. */
const POLL_INTERVAL_SECONDS = 2;

/** POST resetpassword/v1.0/start: `challenge_type` first, then `username`. */
export const resetPasswordStart: NativeAuthStep = async (context) => {
  const types = readChallengeTypes(context);
  const username = readUsername(context);
  if (!coversNeeds(types, ['oob'])) return createRedirectResponse();
  const user = await findUser(context, username);
  if (!user) throw NativeAuthRefusal.of('user_not_found');
  // A code-only account has no password to reset (§5.1, 500222).
  if (user.passwordHash === undefined) throw NativeAuthRefusal.of('user_has_no_password');
  const token = await startFlow(
    context,
    'password-reset',
    { kind: 'existing', userId: user.id },
    'challenge',
    {},
  );
  return createContinuationResponse(token);
};

/** POST resetpassword/v1.0/challenge: a code to the address; again, a new code (same token). */
export const resetPasswordChallenge: NativeAuthStep = async (context) => {
  const types = readChallengeTypes(context);
  const { token, state } = await readFlow(context, 'password-reset', ['challenge', 'oob']);
  if (!coversNeeds(types, ['oob'])) return createRedirectResponse();
  const user = await flowUser(context, flowUserId(state));
  return challengeWithCode(context, token, state, emailOf(user), 'password-reset');
};

/** POST resetpassword/v1.0/continue: `grant_type=oob` and the code → a token for submit. */
export const resetPasswordContinue: NativeAuthStep = async (context) => {
  if (requireParam(context, 'grant_type') !== 'oob')
    throw NativeAuthRefusal.of('unsupported_grant_type');
  const presented = requireParam(context, 'oob');
  const { token, state } = await readFlow(context, 'password-reset', ['oob']);
  const advanced = await advanceFlow(context, token, state, (current) => {
    const check = checkCode(context, current.data, presented);
    if (check.outcome === 'verified')
      return { action: 'next', step: 'submit', data: {}, result: true };
    return check.outcome === 'wrong'
      ? { action: 'stay', data: withCode(current.data, check.state), result: false }
      : { action: 'stay', result: false };
  });
  if (advanced.outcome !== 'advanced') throw NativeAuthRefusal.of('invalid_code');
  return createResetPasswordContinueResponse({
    continuationToken: advanced.token,
    expiresIn: MAX_RESET_TOKEN_SECONDS,
  });
};

/**
 * POST resetpassword/v1.0/submit: `new_password`, checked against the policy (a refusal leaves the
 * token usable for another try). The password changes here: the user's refresh tokens end and the
 * account's lockout is forgotten.
 */
export const resetPasswordSubmit: NativeAuthStep = async (context) => {
  const password = requireParam(context, 'new_password');
  const { token, state } = await readFlow(context, 'password-reset', ['submit']);
  const user = await flowUser(context, flowUserId(state));
  await checkNewPassword(password, emailOf(user), user);
  const passwordHash = await hashPassword(password);
  const advanced = await advanceFlow(context, token, state, () => ({
    action: 'next',
    step: 'poll',
    data: { polls: 0 },
    result: undefined,
  }));
  const now = context.now;
  await context.runtime.users.update(user.id, (current) => ({
    ...current,
    passwordHash,
    forceChangePasswordNextSignIn: false,
    refreshTokensValidFrom: now,
  }));
  await context.runtime.lockout.forget(accountLockoutKey(user));
  context.emulator.log(`${context.runtime.tenant.name}: user ${user.id} reset their password`);
  return createResetPasswordSubmitResponse({
    continuationToken: advanced.outcome === 'advanced' ? advanced.token : token,
    pollInterval: POLL_INTERVAL_SECONDS,
  });
};

/**
 * POST resetpassword/v1.0/poll_completion: `in_progress` on the first poll (a client must poll
 * at least twice, as against the service), then `succeeded` with a token for signing in. The
 * same token is accepted on every poll.
 */
export const resetPasswordPollCompletion: NativeAuthStep = async (context) => {
  const { token, state } = await readFlow(context, 'password-reset', ['poll']);
  const polled = await updateFlow(context, token, state, (current) => ({
    polls: Number(current.data['polls'] ?? 0) + 1,
  }));
  if (Number(polled.data['polls']) <= 1)
    return createResetPasswordPollCompletionResponse({ status: 'in_progress' });
  const signIn = await startFlow(
    context,
    'password-reset',
    { kind: 'existing', userId: flowUserId(state) },
    'sign-in',
    {},
  );
  return createResetPasswordPollCompletionResponse({
    status: 'succeeded',
    continuationToken: signIn,
  });
};
