import type { OobChallengeResponse } from '@ropc/protocol/native-auth';
import { nativeFailureToAuthError, type NativeFlowName } from './native-failure-to-auth-error';

/** When the server names no resend interval. */
export const DEFAULT_RESEND_INTERVAL_SECONDS = 30;
/**
 * The longest wait before "send a new code" is offered. External ID's sign-up answers an
 * `interval` of 300 s, which MSAL exposes but does not enforce; five minutes with a lost e-mail
 * is too long to keep someone waiting, and the proxy's code-send limits guard the mailbox anyway.
 */
export const MAX_RESEND_INTERVAL_SECONDS = 60;
/** Every published example's code length; MSAL assumes it when the answer names none. */
const DEFAULT_CODE_LENGTH = 8;

/**
 * A step that waits for the one-time code e-mailed to the user. The continuation token that
 * goes with it stays inside the flow, in memory only: a reload starts the flow again.
 */
export interface OneTimeCodeStep {
  /** Where the code went as the server masked it (`c***l@co**o.com`); absent when not said. */
  readonly sentTo: string | undefined;
  /** Characters in the code. */
  readonly codeLength: number;
  /** When a new code may be asked for (epoch milliseconds). */
  readonly resendAvailableAt: number;
  /**
   * Sends a new code, replacing the last one.
   *
   * @throws RopcAuthError (`throttled`, `flow_expired`, `network`, …).
   */
  resend(): Promise<void>;
}

/**
 * What the three code steps share: the continuation token of the last challenge and what that
 * challenge answer said about the code it sent. A resend asks the flow's own challenge endpoint
 * again with the same token, as External ID expects.
 */
export abstract class CodeStepBase implements OneTimeCodeStep {
  sentTo: string | undefined;
  codeLength = DEFAULT_CODE_LENGTH;
  resendAvailableAt = 0;
  protected continuationToken: string;

  protected constructor(
    challenge: OobChallengeResponse,
    protected readonly now: () => number,
  ) {
    this.continuationToken = challenge.continuation_token;
    this.take(challenge);
  }

  async resend(): Promise<void> {
    this.take(await this.sendCode(this.continuationToken));
  }

  /** The flow's challenge call; rejects with an `RopcAuthError`. */
  protected abstract sendCode(continuationToken: string): Promise<OobChallengeResponse>;

  private take(challenge: OobChallengeResponse): void {
    this.continuationToken = challenge.continuation_token;
    this.sentTo = challenge.challenge_target_label ?? this.sentTo;
    if (challenge.code_length !== undefined && challenge.code_length > 0)
      this.codeLength = challenge.code_length;
    const interval = Math.min(
      challenge.interval ?? DEFAULT_RESEND_INTERVAL_SECONDS,
      MAX_RESEND_INTERVAL_SECONDS,
    );
    this.resendAvailableAt = this.now() + interval * 1000;
  }
}

/**
 * Narrows a challenge answer to the `oob` one: these flows ask for a code, and a server that
 * wants a password first is running a user flow this client does not drive.
 *
 * @throws RopcAuthError `not_supported`.
 */
export function requireCodeChallenge(
  challenge: { readonly challenge_type: string },
  flow: NativeFlowName,
): asserts challenge is OobChallengeResponse {
  if (challenge.challenge_type !== 'oob')
    throw nativeFailureToAuthError({ kind: 'redirect' }, flow);
}
