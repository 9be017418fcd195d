import { DOCUMENT, Injectable, inject } from '@angular/core';
import type { ChallengeType } from '@ropc/protocol/native-auth';
import { AUTH_CLOCK, AUTH_SLEEP } from '../auth-clock';
import { AuthConfigHolder } from '../auth-config-holder';
import { AUTH_FETCH } from '../auth-fetch';
import { AuthSession } from '../auth-session';
import { CodeSignIn, type CodeSignInStep } from './code-sign-in';
import { NativeAuthCalls } from './native-auth-calls';
import type { NativeFlowContext } from './native-flow-context';
import { PasswordReset, type PasswordResetCodeStep } from './password-reset';
import { SignUp, type SignUpCodeStep, type SignUpDetails } from './sign-up';

/**
 * Entra External ID's in-app flows beyond a password sign-in (which `AuthService.signIn` does
 * for both authorities): sign-in with an e-mailed code, sign-up and password reset, through the
 * proxy's `nativeAuthBase` in cookie mode. Each `start…` sends the first code and resolves to
 * a step object; the continuation tokens stay inside it, in memory only. The flows end signed
 * in, exactly as `AuthService.signIn` does. Every failure rejects with an `RopcAuthError`.
 *
 * Only for `authorityKind: "external-id"`: B2C's ROPC has none of these (its apps link to the
 * hosted user flows instead, `signUpUrl` and `passwordResetUrl`).
 */
@Injectable({ providedIn: 'root' })
export class NativeAuthService {
  private readonly session = inject(AuthSession);
  private readonly configHolder = inject(AuthConfigHolder);
  private readonly fetch = inject(AUTH_FETCH);
  private readonly now = inject(AUTH_CLOCK);
  private readonly sleep = inject(AUTH_SLEEP);
  private readonly document = inject(DOCUMENT);

  /**
   * Sends a sign-in code to the address.
   *
   * @throws RopcAuthError `user_not_found`, `not_supported` (the account signs in with a
   *   password), `throttled`, `network`, …
   */
  startCodeSignIn(email: string): Promise<CodeSignInStep> {
    return this.run(['oob', 'redirect'], (context) => CodeSignIn.start(context, email));
  }

  /**
   * Checks the new account's details and sends a code to verify its address.
   *
   * @throws RopcAuthError `user_exists`, a `password_*` kind, `invalid_details`, `throttled`, …
   */
  startSignUp(details: SignUpDetails): Promise<SignUpCodeStep> {
    return this.run(['oob', 'password', 'redirect'], (context) => SignUp.start(context, details));
  }

  /**
   * Sends a password-reset code to the address.
   *
   * @throws RopcAuthError `user_not_found`, `throttled`, `account_protected`, …
   */
  startPasswordReset(email: string): Promise<PasswordResetCodeStep> {
    return this.run(['oob', 'redirect'], (context) => PasswordReset.start(context, email));
  }

  private run<T>(
    challengeTypes: readonly ChallengeType[],
    start: (context: NativeFlowContext) => Promise<T>,
  ): Promise<T> {
    return start(this.context(challengeTypes));
  }

  private context(challengeTypes: readonly ChallengeType[]): NativeFlowContext {
    const config = this.configHolder.get();
    if (config.authorityKind !== 'external-id') {
      throw new TypeError(
        'NativeAuthService needs authorityKind "external-id" in the configuration',
      );
    }
    const deps = { fetch: this.fetch, now: this.now, baseUri: () => this.document.baseURI };
    return {
      calls: new NativeAuthCalls(config, deps, challengeTypes),
      now: this.now,
      sleep: this.sleep,
      signInWith: (obtain) => this.session.signInWith(obtain),
    };
  }
}
