import { maskEmailAddress, createOobChallengeResponse } from '@ropc/protocol/native-auth';
import type { FlowData, FlowState } from '../flows/flow-state-store';
import { advanceFlow } from './continuation-tokens';
import {
  ONE_TIME_CODE_LENGTH,
  checkOneTimeCode,
  issueOneTimeCode,
  type CodeCheck,
  type IssuedCode,
  type OneTimeCodeState,
} from '../flows/one-time-code';
import { deliverCode } from '../outbox/deliver-code';
import type { OutboxPurpose } from '../outbox/outbox-store';
import type { NativeAuthContext } from './native-auth-context';
import { NativeAuthRefusal } from './native-auth-refusal';

/** The code state a flow keeps in its data under `code`. */
export function codeStateOf(data: FlowData): OneTimeCodeState | undefined {
  const code = data['code'];
  return code && typeof code === 'object' && !Array.isArray(code)
    ? (code as unknown as OneTimeCodeState)
    : undefined;
}

/** `data` with `state` as its code. */
export function withCode(data: FlowData, state: OneTimeCodeState): FlowData {
  return { ...data, code: state as unknown as FlowData[string] };
}

/**
 * A new code for the flow (a resend replaces the old one, §3.2), or `invalid_request` once the
 * flow has sent five. Pure but for the CSPRNG: deliver the code only after the store settled.
 */
export function newCode(
  context: NativeAuthContext,
  data: FlowData,
): IssuedCode & { outcome: 'issued' } {
  const issued = issueOneTimeCode(
    codeStateOf(data),
    context.now,
    context.emulator.stores.oneTimeCodeKey,
  );
  if (issued.outcome !== 'issued')
    throw NativeAuthRefusal.invalid(
      'challenge',
      'this flow has sent the most codes it may; start again.',
    );
  return issued;
}

/** Checks a presented code against the flow's. */
export function checkCode(
  context: NativeAuthContext,
  data: FlowData,
  presented: string,
): CodeCheck {
  return checkOneTimeCode(
    codeStateOf(data),
    presented,
    context.now,
    context.emulator.stores.oneTimeCodeKey,
  );
}

/** Sends a code to the outbox (and, with `B2C_EMULATOR_LOG_CODES=on`, the log). */
export async function sendCode(
  context: NativeAuthContext,
  to: string,
  code: string,
  purpose: OutboxPurpose,
): Promise<void> {
  const { emulator } = context;
  await deliverCode(
    { outbox: emulator.stores.outbox, logCodes: emulator.config.logCodes, log: emulator.log },
    { to, code, purpose, sentAt: context.now },
  );
}

/**
 * A challenge that sends a code (§3.2, §4.2, §5.1): from the flow's `challenge` step it moves on to
 * `oob` with a new token; from `oob` (the user asked again) it stays, the same token, and the new
 * code replaces the old. The code goes out once the store has settled, and the answer is the
 * `oob` challenge for `to`.
 */
export async function challengeWithCode(
  context: NativeAuthContext,
  token: string,
  state: FlowState,
  to: string,
  purpose: OutboxPurpose,
  interval?: number,
) {
  const advanced = await advanceFlow(context, token, state, (current) => {
    const issued = newCode(context, current.data);
    const data = withCode(current.data, issued.state);
    return current.step === 'challenge'
      ? { action: 'next', step: 'oob', data, result: issued.code }
      : { action: 'stay', data, result: issued.code };
  });
  await sendCode(context, to, advanced.result, purpose);
  return oobChallenge(advanced.outcome === 'advanced' ? advanced.token : token, to, interval);
}

/** The `oob` challenge answer for a code sent to `to`. */
export function oobChallenge(continuationToken: string, to: string, interval?: number) {
  return createOobChallengeResponse({
    continuationToken,
    targetLabel: maskEmailAddress(to),
    codeLength: ONE_TIME_CODE_LENGTH,
    ...(interval === undefined ? {} : { interval }),
  });
}
