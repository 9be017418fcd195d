import type { OobChallengeResponse } from '@ropc/protocol/native-auth';
import { successOf } from './native-auth-calls';
import type { NativeFlowContext } from './native-flow-context';
import { CodeStepBase, requireCodeChallenge, type OneTimeCodeStep } from './one-time-code-step';

const FLOW = 'sign-up';

/** What a new account is made of. */
export interface SignUpDetails {
  readonly email: string;
  readonly password: string;
  /** The user flow's required `displayName`. */
  readonly displayName: string;
}

/** Sign-up's e-mail verification: the last step before the account exists. */
export interface SignUpCodeStep extends OneTimeCodeStep {
  /**
   * Verifies the address with the code; the account is then created and the user signed in.
   *
   * @throws RopcAuthError `invalid_code`, `flow_expired`, `not_supported` (the user flow wants
   *   details this client does not collect), …
   */
  submitCode(code: string): Promise<void>;
}

/**
 * Native sign-up through the proxy: start (with the password and display name, so that the
 * password rules and the attributes are checked before any e-mail goes out) → challenge (`oob`)
 * → continue (`oob`) → the token endpoint's `continuation_token` grant.
 */
export class SignUp extends CodeStepBase implements SignUpCodeStep {
  private constructor(
    private readonly context: NativeFlowContext,
    challenge: OobChallengeResponse,
  ) {
    super(challenge, context.now);
  }

  /**
   * Checks the details and sends the first code.
   *
   * @throws RopcAuthError `user_exists`, a `password_*` kind, `invalid_details`, `throttled`, …
   */
  static async start(context: NativeFlowContext, details: SignUpDetails): Promise<SignUp> {
    const { client } = context.calls;
    const started = await successOf(
      client.signUpStart({
        username: details.email,
        password: details.password,
        attributes: { displayName: details.displayName },
      }),
      FLOW,
    );
    return new SignUp(context, await challenge(context, started.continuation_token));
  }

  submitCode(code: string): Promise<void> {
    return this.context.signInWith(async () => {
      const verified = await successOf(
        this.context.calls.client.signUpContinue({
          continuationToken: this.continuationToken,
          grantType: 'oob',
          oob: code,
        }),
        FLOW,
      );
      return this.context.calls.signIn(
        { grant: 'continuation_token', continuationToken: verified.continuation_token },
        FLOW,
      );
    });
  }

  protected sendCode(continuationToken: string): Promise<OobChallengeResponse> {
    return challenge(this.context, continuationToken);
  }
}

async function challenge(
  context: NativeFlowContext,
  continuationToken: string,
): Promise<OobChallengeResponse> {
  const answer = await successOf(context.calls.client.signUpChallenge({ continuationToken }), FLOW);
  requireCodeChallenge(answer, FLOW);
  return answer;
}
