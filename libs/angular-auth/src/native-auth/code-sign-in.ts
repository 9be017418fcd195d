import type { OobChallengeResponse } from '@ropc/protocol/native-auth';
import { successOf } from './native-auth-calls';
import type { NativeFlowContext } from './native-flow-context';
import { CodeStepBase, requireCodeChallenge, type OneTimeCodeStep } from './one-time-code-step';

const FLOW = 'code-sign-in';

/** Sign-in with a code e-mailed to the user (an "e-mail one-time passcode" user flow). */
export interface CodeSignInStep extends OneTimeCodeStep {
  /**
   * Signs in with the code. A wrong one leaves the step usable: ask again or send a new code.
   *
   * @throws RopcAuthError `invalid_code`, `flow_expired`, `throttled`, `account_protected`, …
   */
  submitCode(code: string): Promise<void>;
}

/** Native authentication's initiate → challenge (`oob`) → token (`oob`), through the proxy. */
export class CodeSignIn extends CodeStepBase implements CodeSignInStep {
  private constructor(
    private readonly context: NativeFlowContext,
    challenge: OobChallengeResponse,
  ) {
    super(challenge, context.now);
  }

  /** Sends the first code. */
  static async start(context: NativeFlowContext, username: string): Promise<CodeSignIn> {
    const { client } = context.calls;
    const started = await successOf(client.signInInitiate({ username }), FLOW);
    const challenge = await successOf(
      client.signInChallenge({ continuationToken: started.continuation_token }),
      FLOW,
    );
    requireCodeChallenge(challenge, FLOW);
    return new CodeSignIn(context, challenge);
  }

  submitCode(code: string): Promise<void> {
    return this.context.signInWith(() =>
      this.context.calls.signIn(
        { grant: 'oob', continuationToken: this.continuationToken, oob: code },
        FLOW,
      ),
    );
  }

  protected async sendCode(continuationToken: string): Promise<OobChallengeResponse> {
    const challenge = await successOf(
      this.context.calls.client.signInChallenge({ continuationToken }),
      FLOW,
    );
    requireCodeChallenge(challenge, FLOW);
    return challenge;
  }
}
