import {
  createContinuationResponse,
  createRedirectResponse,
  type ChallengeType,
} from '@ropc/protocol/native-auth';
import { randomUUID } from 'node:crypto';
import type { FlowData, FlowState } from '../flows/flow-state-store';
import { UserConflictError, type StoredUser } from '../stores/user-store';
import { hashPassword } from '../tenant/password-hasher';
import { coversNeeds, readChallengeTypes } from './challenge-types';
import { advanceFlow, challengeWithPassword, readFlow, startFlow } from './continuation-tokens';
import type { ExternalIdUserFlow } from './external-id-tenant';
import { clientUserFlow, requireParam, type NativeAuthContext } from './native-auth-context';
import type { NativeAuthStep } from './native-auth-endpoint';
import { NativeAuthRefusal } from './native-auth-refusal';
import { findUser, readUsername } from './native-auth-users';
import { checkNewPassword } from './password-policy';
import { challengeWithCode, checkCode, codeStateOf, withCode } from './one-time-code-step';
import { missingAttributes, readAttributes, type CollectedValues } from './sign-up-attributes';

/**
 * Sign-up (docs/entra-native-auth-protocol.md §4): start → challenge (a code to the address) →
 * continue with the code, then the password after `credential_required` and the attributes
 * after `attributes_required`, in that order (§10) → a continuation token for the
 * `continuation_token` grant. The user is created when nothing is missing any more.
 *
 * Steps of the flow's tokens: `challenge` (after start), `oob` (a code was sent), `credential`
 * (the code was right, the password missing), `password` (asked for it), `attributes` (required
 * ones missing), `sign-in` (created).
 */

/** The seconds a client should wait before asking for another code (the published example's). */
const RESEND_INTERVAL_SECONDS = 300;

interface SignUpData {
  readonly username: string;
  readonly needsPassword: boolean;
  readonly passwordHash?: string;
  readonly attributes: CollectedValues;
  readonly verified?: boolean;
}

function signUpData(state: FlowState): SignUpData {
  return state.data as unknown as SignUpData;
}

function asFlowData(data: SignUpData, previous: FlowData = {}): FlowData {
  return { ...previous, ...(data as unknown as FlowData) };
}

/** What an "e-mail with password" flow needs besides the code; an OTP flow needs the code only. */
function neededChallenges(flow: ExternalIdUserFlow): ChallengeType[] {
  return flow.signInMethod === 'emailPassword' ? ['oob', 'password'] : ['oob'];
}

function newUser(context: NativeAuthContext, data: SignUpData): StoredUser {
  const { displayName, givenName, surname, ...others } = data.attributes;
  return {
    id: randomUUID(),
    displayName: displayName ?? '',
    ...(givenName === undefined ? {} : { givenName }),
    ...(surname === undefined ? {} : { surname }),
    identities: [
      {
        signInType: 'emailAddress',
        issuer: context.runtime.tenant.name,
        issuerAssignedId: data.username,
      },
    ],
    ...(data.passwordHash === undefined ? {} : { passwordHash: data.passwordHash }),
    accountEnabled: true,
    attributes: others,
    forceChangePasswordNextSignIn: false,
    refreshTokensValidFrom: 0,
  };
}

/**
 * Moves a verified flow on to what it lacks: the password (`credential_required`), required
 * attributes (`attributes_required`), or nothing — then the user is created and the answer is
 * the token for signing in.
 */
async function proceed(
  context: NativeAuthContext,
  flow: ExternalIdUserFlow,
  token: string,
  state: FlowState,
  data: SignUpData,
): Promise<object> {
  const missing = missingAttributes(flow, data.attributes);
  const step =
    data.needsPassword && data.passwordHash === undefined
      ? 'credential'
      : missing.length > 0
        ? 'attributes'
        : 'sign-in';
  let userId: string | undefined;
  if (step === 'sign-in') {
    try {
      userId = (await context.runtime.users.create(newUser(context, data))).id;
    } catch (error) {
      if (error instanceof UserConflictError) throw NativeAuthRefusal.of('user_already_exists');
      throw error;
    }
    context.emulator.log(`${context.runtime.tenant.name}: user ${userId} signed up`);
  }
  const advanced = await advanceFlow(context, token, state, (current) => ({
    action: 'next',
    step,
    data: asFlowData(data, current.data),
    result: undefined,
  }));
  const next = advanced.outcome === 'advanced' ? advanced.token : token;
  if (step === 'credential')
    throw NativeAuthRefusal.of('credential_required', { continuationToken: next });
  if (step === 'attributes')
    throw NativeAuthRefusal.of('attributes_required', {
      continuationToken: next,
      requiredAttributes: missing,
    });
  // The sign-in grant reads the new user's id from the flow, so the last token names it.
  const signIn = await startFlow(
    context,
    'sign-up',
    { kind: 'existing', userId: userId ?? '' },
    'sign-in',
    {},
  );
  return createContinuationResponse(signIn);
}

/** POST signup/v1.0/start. */
export const signUpStart: NativeAuthStep = async (context) => {
  const flow = clientUserFlow(context);
  const username = readUsername(context);
  const types = readChallengeTypes(context);
  if (!flow.signUpEnabled)
    throw NativeAuthRefusal.custom(
      400,
      'invalid_request',
      [],
      "Sign-up is not enabled in the application's user flow.",
    );
  if (!coversNeeds(types, neededChallenges(flow))) return createRedirectResponse();
  if (await findUser(context, username)) throw NativeAuthRefusal.of('user_already_exists');
  const needsPassword = flow.signInMethod === 'emailPassword';
  const password = needsPassword ? context.params.get('password') : undefined;
  if (password !== undefined) await checkNewPassword(password, username);
  const data: SignUpData = {
    username,
    needsPassword,
    ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }),
    attributes: readAttributes(context, flow, false),
  };
  const token = await startFlow(
    context,
    'sign-up',
    { kind: 'new', username },
    'challenge',
    asFlowData(data),
  );
  return createContinuationResponse(token);
};

/**
 * POST signup/v1.0/challenge: sends the verification code (again with the `oob` token: a resend
 * that replaces the code), or — after `credential_required` — asks for the password.
 */
export const signUpChallenge: NativeAuthStep = async (context) => {
  const flow = clientUserFlow(context);
  const types = readChallengeTypes(context);
  const { token, state } = await readFlow(context, 'sign-up', ['challenge', 'oob', 'credential']);
  if (!coversNeeds(types, neededChallenges(flow))) return createRedirectResponse();
  if (state.step === 'credential') return challengeWithPassword(context, token, state);
  const sentAt = (codeStateOf(state.data)?.expiresAt ?? 0) - 600_000;
  if (
    context.runtime.tenant.fidelity.enforceResendInterval &&
    context.now < sentAt + RESEND_INTERVAL_SECONDS * 1000
  )
    throw NativeAuthRefusal.invalid(
      'challenge',
      `ask for another code after ${RESEND_INTERVAL_SECONDS} seconds.`,
    );
  const { username } = signUpData(state);
  return challengeWithCode(context, token, state, username, 'sign-up', RESEND_INTERVAL_SECONDS);
};

/** `oob`: the code; a right one verifies the address (the code is spent, the token stays). */
async function continueWithCode(context: NativeAuthContext, flow: ExternalIdUserFlow) {
  const { token, state } = await readFlow(context, 'sign-up', ['oob']);
  const presented = requireParam(context, 'oob');
  const checked = await advanceFlow(context, token, state, (current) => {
    const check = checkCode(context, current.data, presented);
    if (check.outcome === 'verified')
      return {
        action: 'stay',
        data: { ...withCode(current.data, check.state), verified: true },
        result: true,
      };
    return check.outcome === 'wrong'
      ? { action: 'stay', data: withCode(current.data, check.state), result: false }
      : { action: 'stay', result: false };
  });
  if (!checked.result) throw NativeAuthRefusal.of('invalid_code');
  return proceed(context, flow, token, checked.state, signUpData(checked.state));
}

/** `password`: after `credential_required`, the password, checked against the policy. */
async function continueWithPassword(context: NativeAuthContext, flow: ExternalIdUserFlow) {
  const { token, state } = await readFlow(context, 'sign-up', ['password']);
  const password = requireParam(context, 'password');
  const data = signUpData(state);
  await checkNewPassword(password, data.username);
  return proceed(context, flow, token, state, {
    ...data,
    passwordHash: await hashPassword(password),
  });
}

/** `attributes`: after `attributes_required`; only required ones count now (§4.4). */
async function continueWithAttributes(context: NativeAuthContext, flow: ExternalIdUserFlow) {
  const { token, state } = await readFlow(context, 'sign-up', ['attributes']);
  const data = signUpData(state);
  const attributes = { ...data.attributes, ...readAttributes(context, flow, true) };
  return proceed(context, flow, token, state, { ...data, attributes });
}

/** POST signup/v1.0/continue. */
export const signUpContinue: NativeAuthStep = async (context) => {
  const flow = clientUserFlow(context);
  const grantType = requireParam(context, 'grant_type');
  if (grantType === 'oob') return continueWithCode(context, flow);
  if (grantType === 'password') return continueWithPassword(context, flow);
  if (grantType === 'attributes') return continueWithAttributes(context, flow);
  throw NativeAuthRefusal.of('unsupported_grant_type');
};
