import type {
  FlowAdvance,
  FlowData,
  FlowDecision,
  FlowKind,
  FlowState,
  FlowTokenFailure,
  FlowUser,
} from '../flows/flow-state-store';
import { createPasswordChallengeResponse } from '@ropc/protocol/native-auth';
import { requireParam, type NativeAuthContext } from './native-auth-context';
import { NativeAuthRefusal } from './native-auth-refusal';

/**
 * Continuation tokens over the emulator's flow store (docs/entra-native-auth-protocol.md §2.3):
 * opaque, bound to tenant, client, user, flow and step, valid 600 s, spent when the next step
 * succeeds. A token that is wrong, spent, of another tenant, client or flow, or standing at
 * another step is refused as invalid (`invalid_request` 55200 where the reference shows it,
 * password reset; `invalid_grant` with the same number elsewhere); an expired one is
 * `expired_token` (552003).
 */

function invalidToken(flow: FlowKind): NativeAuthRefusal {
  return flow === 'password-reset'
    ? NativeAuthRefusal.of('invalid_continuation_token')
    : NativeAuthRefusal.custom(400, 'invalid_grant', [55200], 'The continuation_token is invalid.');
}

function refusalOf(failure: FlowTokenFailure | { outcome: 'wrong_step' }, flow: FlowKind) {
  return failure.outcome === 'expired' ? NativeAuthRefusal.of('expired_token') : invalidToken(flow);
}

/** Starts a flow of the calling app and tenant; returns its first token. */
export async function startFlow(
  context: NativeAuthContext,
  flow: FlowKind,
  user: FlowUser,
  step: string,
  data: FlowData,
): Promise<string> {
  const issued = await context.emulator.stores.flows.start({
    tenantId: context.runtime.tenant.id,
    clientId: context.client.id,
    user,
    flow,
    step,
    data,
  });
  return issued.token;
}

/**
 * The state behind the request's `continuation_token`, which must belong to this tenant and app
 * and stand in one of `flows` at one of `steps`.
 */
export async function readFlow(
  context: NativeAuthContext,
  flows: FlowKind | readonly FlowKind[],
  steps: readonly string[],
): Promise<{ token: string; state: FlowState }> {
  const kinds: readonly FlowKind[] = typeof flows === 'string' ? [flows] : flows;
  const flow = kinds[0] ?? 'sign-in';
  const token = requireParam(context, 'continuation_token');
  const read = await context.emulator.stores.flows.read(token);
  if (read.outcome !== 'found') throw refusalOf(read, flow);
  const { state } = read;
  const ours =
    state.tenantId === context.runtime.tenant.id &&
    state.clientId.toLowerCase() === context.client.id.toLowerCase() &&
    kinds.includes(state.flow) &&
    steps.includes(state.step);
  if (!ours) throw invalidToken(flow);
  return { token, state };
}

/**
 * Runs a step with the token `readFlow` read (its step unchanged since, or the store says so):
 * `decide` moves the flow on (a new token), ends it, or stays (the same token works again).
 */
export async function advanceFlow<R>(
  context: NativeAuthContext,
  token: string,
  state: FlowState,
  decide: (current: FlowState) => FlowDecision<R>,
): Promise<Exclude<FlowAdvance<R>, FlowTokenFailure | { outcome: 'wrong_step' }>> {
  const advanced = await context.emulator.stores.flows.advance(
    token,
    { flow: state.flow, step: state.step },
    decide,
  );
  if (
    advanced.outcome === 'unknown' ||
    advanced.outcome === 'expired' ||
    advanced.outcome === 'spent' ||
    advanced.outcome === 'wrong_step'
  )
    throw refusalOf(advanced, state.flow);
  return advanced;
}

/**
 * Replaces the data behind the token in place (a poll's count), without a new token or a longer
 * life; answers the state as it is now.
 */
export async function updateFlow(
  context: NativeAuthContext,
  token: string,
  state: FlowState,
  change: (current: FlowState) => FlowData,
): Promise<FlowState> {
  const updated = await context.emulator.stores.flows.update(token, change);
  if (updated.outcome !== 'updated') throw refusalOf(updated, state.flow);
  return updated.state;
}

/** A challenge that asks for the password: the flow moves on to its `password` step. */
export async function challengeWithPassword(
  context: NativeAuthContext,
  token: string,
  state: FlowState,
) {
  const advanced = await advanceFlow(context, token, state, (current) => ({
    action: 'next',
    step: 'password',
    data: current.data,
    result: undefined,
  }));
  return createPasswordChallengeResponse(advanced.outcome === 'advanced' ? advanced.token : token);
}

/** The user a flow of an existing account is for. */
export function flowUserId(state: FlowState): string {
  if (state.user.kind !== 'existing') throw new TypeError('this flow is for a new user');
  return state.user.userId;
}
