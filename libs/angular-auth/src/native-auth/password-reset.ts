import type { OobChallengeResponse } from '@ropc/protocol/native-auth';
import { successOf } from './native-auth-calls';
import type { NativeFlowContext } from './native-flow-context';
import { CodeStepBase, type OneTimeCodeStep } from './one-time-code-step';
import { authError } from '../to-auth-error';

const FLOW = 'password-reset';
/** How long a reset may take to complete after the new password was accepted (MSAL's limit). */
export const MAX_POLL_SECONDS = 300;

/** The reset's e-mail verification. */
export interface PasswordResetCodeStep extends OneTimeCodeStep {
  /**
   * Checks the code; the new password comes next.
   *
   * @throws RopcAuthError `invalid_code`, `flow_expired`, `account_protected`, …
   */
  submitCode(code: string): Promise<NewPasswordStep>;
}

/** The reset's last step. */
export interface NewPasswordStep {
  /**
   * Sets the new password, waits while External ID applies it, then signs the user in.
   * `onProgress` hears each check of that wait (1, 2, …), for a progress display. A refused
   * password leaves the step usable.
   *
   * @throws RopcAuthError a `password_*` kind, `flow_expired`, `server_error` (the reset failed
   *   or did not finish in time), …
   */
  submitNewPassword(password: string, onProgress?: (check: number) => void): Promise<void>;
}

/**
 * Native password reset through the proxy: start → challenge (`oob`) → continue (`oob`) →
 * submit (the new password) → poll_completion until `succeeded` → the token endpoint's
 * `continuation_token` grant.
 */
export class PasswordReset extends CodeStepBase implements PasswordResetCodeStep {
  private constructor(
    private readonly context: NativeFlowContext,
    challenge: OobChallengeResponse,
  ) {
    super(challenge, context.now);
  }

  /** Sends the first code. @throws RopcAuthError `user_not_found`, `throttled`, … */
  static async start(context: NativeFlowContext, username: string): Promise<PasswordReset> {
    const started = await successOf(context.calls.client.resetPasswordStart({ username }), FLOW);
    return new PasswordReset(context, await challenge(context, started.continuation_token));
  }

  async submitCode(code: string): Promise<NewPasswordStep> {
    const verified = await successOf(
      this.context.calls.client.resetPasswordContinue({
        continuationToken: this.continuationToken,
        oob: code,
      }),
      FLOW,
    );
    return new NewPassword(this.context, verified.continuation_token);
  }

  protected sendCode(continuationToken: string): Promise<OobChallengeResponse> {
    return challenge(this.context, continuationToken);
  }
}

class NewPassword implements NewPasswordStep {
  constructor(
    private readonly context: NativeFlowContext,
    private readonly continuationToken: string,
  ) {}

  async submitNewPassword(password: string, onProgress?: (check: number) => void): Promise<void> {
    const { client } = this.context.calls;
    const submitted = await successOf(
      client.resetPasswordSubmit({
        continuationToken: this.continuationToken,
        newPassword: password,
      }),
      FLOW,
    );
    const signInToken = await this.waitForCompletion(
      submitted.continuation_token,
      submitted.poll_interval,
      onProgress,
    );
    await this.context.signInWith(() =>
      this.context.calls.signIn(
        { grant: 'continuation_token', continuationToken: signInToken },
        FLOW,
      ),
    );
  }

  /** Polls with submit's token every `poll_interval` seconds; resolves to the sign-in token. */
  private async waitForCompletion(
    token: string,
    intervalSeconds: number,
    onProgress: ((check: number) => void) | undefined,
  ): Promise<string> {
    const deadline = this.context.now() + MAX_POLL_SECONDS * 1000;
    for (let check = 1; this.context.now() < deadline; check++) {
      onProgress?.(check);
      const answer = await successOf(
        this.context.calls.client.resetPasswordPollCompletion({ continuationToken: token }),
        FLOW,
      );
      if (answer.status === 'succeeded') return answer.continuation_token;
      if (answer.status === 'failed') break;
      await this.context.sleep(intervalSeconds * 1000);
    }
    throw authError('server_error');
  }
}

async function challenge(
  context: NativeFlowContext,
  continuationToken: string,
): Promise<OobChallengeResponse> {
  return await successOf(context.calls.client.resetPasswordChallenge({ continuationToken }), FLOW);
}
