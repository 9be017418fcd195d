import type { Provider } from '@angular/core';
import {
  NativeAuthService,
  type CodeSignInStep,
  type NewPasswordStep,
  type PasswordResetCodeStep,
  type SignUpCodeStep,
  type SignUpDetails,
} from '@ropc/angular-auth/native-auth';

/** What every fake code step shows; `resend` is a Jest mock that succeeds at once. */
abstract class FakeCodeStepBase {
  sentTo: string | undefined = 'c***l@co*****.com';
  codeLength = 8;
  /** Epoch ms; a test sets it against its `FakeClock`. */
  resendAvailableAt = 0;
  readonly resend = jest.fn<Promise<void>, []>(() => Promise.resolve());
}

/** A code step that signs in (code sign-in, sign-up); `submitCode` succeeds at once. */
export class FakeCodeStep extends FakeCodeStepBase implements CodeSignInStep, SignUpCodeStep {
  readonly submitCode = jest.fn<Promise<void>, [string]>(() => Promise.resolve());
}

/** The reset's code step: `submitCode` resolves to its new-password step. */
export class FakeResetCodeStep extends FakeCodeStepBase implements PasswordResetCodeStep {
  readonly newPassword = {
    submitNewPassword: jest.fn<Promise<void>, [string, ((check: number) => void)?]>(() =>
      Promise.resolve(),
    ),
  } satisfies NewPasswordStep;
  readonly submitCode = jest.fn<Promise<NewPasswordStep>, [string]>(() =>
    Promise.resolve(this.newPassword),
  );
}

/** A `NativeAuthService` of Jest mocks, each resolving to its fake step. */
export class FakeNativeAuthService {
  readonly codeSignIn = new FakeCodeStep();
  readonly signUp = new FakeCodeStep();
  readonly reset = new FakeResetCodeStep();
  readonly startCodeSignIn = jest.fn<Promise<CodeSignInStep>, [string]>(() =>
    Promise.resolve(this.codeSignIn),
  );
  readonly startSignUp = jest.fn<Promise<SignUpCodeStep>, [SignUpDetails]>(() =>
    Promise.resolve(this.signUp),
  );
  readonly startPasswordReset = jest.fn<Promise<PasswordResetCodeStep>, [string]>(() =>
    Promise.resolve(this.reset),
  );
}

/** The fake and the provider that puts it in place of the library's service. */
export function provideFakeNativeAuth(): { native: FakeNativeAuthService; providers: Provider[] } {
  const native = new FakeNativeAuthService();
  return { native, providers: [{ provide: NativeAuthService, useValue: native }] };
}
