import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  Injector,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  describeAuthError,
  isPasswordRefusal,
  toAuthError,
  type AuthError,
} from '@ropc/angular-auth';
import {
  endsTheFlow,
  NativeAuthService,
  type NewPasswordStep,
  type PasswordResetCodeStep,
} from '@ropc/angular-auth/native-auth';
import { AuthAlert } from '../auth-alert/auth-alert';
import { EmailField } from '../auth-fields/email-field';
import { PasswordInput } from '../auth-fields/password-input';
import { OneTimeCodeForm } from '../one-time-code/one-time-code-form';
import { safeReturnUrl } from '../sign-in/safe-return-url';

/**
 * Where the reset stands. The later stages hold the library's step object, and with it the
 * flow's continuation token: in this signal only, never in storage or the URL, so a reload or a
 * shared link starts the reset again rather than carrying a token around.
 */
type ResetStage =
  | { readonly name: 'email' }
  | { readonly name: 'code'; readonly step: PasswordResetCodeStep }
  | { readonly name: 'new-password'; readonly step: NewPasswordStep };

const HEADINGS: Readonly<Record<ResetStage['name'], string>> = {
  email: 'Reset your password',
  code: 'Check your email',
  'new-password': 'Choose a new password',
};

/**
 * Password reset with Entra External ID's native authentication: the email address, the code
 * e-mailed to it (`OneTimeCodeForm`), then a new password, after which the library waits for
 * External ID to apply it (shown as progress) and signs the user in; the page then goes to
 * `returnUrl` when that stays inside the app. Each step change puts focus in the new step's first
 * field, so screen readers announce where the user is.
 */
@Component({
  selector: 'app-password-reset-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthAlert, EmailField, OneTimeCodeForm, PasswordInput, RouterLink],
  templateUrl: './password-reset-page.html',
})
export class PasswordResetPage {
  private readonly native = inject(NativeAuthService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly emailField = viewChild(EmailField);
  private readonly passwordInput = viewChild(PasswordInput);

  /** Bound from the `returnUrl` query parameter; handed on to "Back to sign in" as well. */
  readonly returnUrl = input<string>();

  protected readonly stage = signal<ResetStage>({ name: 'email' });
  protected readonly heading = computed(() => HEADINGS[this.stage().name]);
  protected readonly codeStep = computed(() => {
    const stage = this.stage();
    return stage.name === 'code' ? stage.step : null;
  });
  protected readonly signInQueryParams = computed(() => {
    const returnUrl = this.returnUrl();
    return returnUrl === undefined ? null : { returnUrl };
  });

  protected readonly email = signal('');
  protected readonly emailAttempted = signal(false);
  protected readonly emailMissing = computed(
    () => this.emailAttempted() && this.email().trim() === '',
  );

  /** As on the sign-in page the password stays in its field, read once per submit, then cleared. */
  protected readonly passwordEntered = signal(false);
  protected readonly passwordAttempted = signal(false);
  /** A password_* refusal, shown at the field rather than in the alert. */
  protected readonly passwordRefusal = signal<AuthError | null>(null);
  protected readonly passwordError = computed(() => {
    if (this.passwordAttempted() && !this.passwordEntered()) return 'Enter a new password.';
    const refusal = this.passwordRefusal();
    return refusal === null ? null : describeAuthError(refusal);
  });

  protected readonly busy = signal(false);
  /** The library's completion check under way (1, 2, …); 0 while the password is being sent. */
  protected readonly check = signal(0);
  protected readonly progressMessage = computed(() => {
    if (!this.busy() || this.stage().name !== 'new-password') return '';
    const check = this.check();
    return check < 2 ? 'Saving your new password…' : `Still working (check ${check})…`;
  });

  /** The page's failure, shown in the alert after the step's button. */
  protected readonly error = signal<AuthError | null>(null);
  protected readonly errorMessage = computed(() => {
    const error = this.error();
    return error === null ? null : resetFailureMessage(error);
  });

  /** What a code does here: checks it and moves on to the new password. */
  protected readonly verifyCode = (code: string): Promise<void> => this.continueWithCode(code);

  protected async sendCode(event: Event): Promise<void> {
    // The form posts nowhere: without this the browser would reload the page with the fields.
    event.preventDefault();
    if (this.busy()) return;
    this.emailAttempted.set(true);
    const email = this.email().trim();
    if (email === '') {
      this.emailField()?.focus();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const step = await this.native.startPasswordReset(email);
      // No focus here: the code form puts it in its code field itself.
      this.stage.set({ name: 'code', step });
    } catch (reason) {
      this.emailAttempted.set(false);
      this.error.set(toAuthError(reason));
      this.emailField()?.focus();
    } finally {
      this.busy.set(false);
    }
  }

  private async continueWithCode(code: string): Promise<void> {
    const stage = this.stage();
    if (stage.name !== 'code') return;
    const next = await stage.step.submitCode(code);
    // "Use a different email" while the code was checked: the user left this flow.
    if (this.stage() !== stage) return;
    this.stage.set({ name: 'new-password', step: next });
    this.focusAfterRender(this.passwordInput);
  }

  /** The code step ended the flow (expired, account gone): start again, saying why. */
  protected onFlowEnded(error: AuthError): void {
    this.startAgain(error);
  }

  protected useDifferentEmail(): void {
    this.startAgain(null);
  }

  protected async resetPassword(event: Event): Promise<void> {
    event.preventDefault();
    const stage = this.stage();
    const field = this.passwordInput();
    if (this.busy() || stage.name !== 'new-password' || field === undefined) return;
    this.passwordAttempted.set(true);
    this.passwordRefusal.set(null);
    const password = field.value();
    if (password === '') {
      field.focus();
      return;
    }
    this.busy.set(true);
    this.check.set(0);
    this.error.set(null);
    try {
      await stage.step.submitNewPassword(password, (check) => {
        this.check.set(check);
      });
      this.clearPassword(field);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (reason) {
      this.clearPassword(field);
      this.onResetFailed(toAuthError(reason), field);
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * A refused password is said at the field and asked for again. Other failures (network, server
   * error, throttling) stay on this step too: a retry costs nothing, and a token the server no
   * longer accepts answers `flow_expired`, which starts again.
   */
  private onResetFailed(error: AuthError, field: PasswordInput): void {
    if (endsTheFlow(error)) {
      this.startAgain(error);
      return;
    }
    if (isPasswordRefusal(error)) this.passwordRefusal.set(error);
    else this.error.set(error);
    field.focus();
  }

  private startAgain(error: AuthError | null): void {
    this.stage.set({ name: 'email' });
    this.error.set(error);
    this.emailAttempted.set(false);
    this.passwordAttempted.set(false);
    this.passwordRefusal.set(null);
    this.focusAfterRender(this.emailField);
  }

  protected onPasswordInput(): void {
    this.passwordEntered.set(this.passwordInput()?.value() !== '');
  }

  /** After every attempt; an emptied field is not a missing password until the next submit. */
  private clearPassword(field: PasswordInput): void {
    field.clear();
    this.passwordEntered.set(false);
    this.passwordAttempted.set(false);
  }

  /** The field exists only once the new step has rendered. */
  private focusAfterRender(field: () => { focus(): void } | undefined): void {
    afterNextRender(
      () => {
        field()?.focus();
      },
      { injector: this.injector },
    );
  }
}

/**
 * The library's sentence for the failure, except that kind `unknown` is worded as a reset that
 * went wrong (the library's says "Sign-in did not work").
 */
function resetFailureMessage(error: AuthError): string {
  return error.kind === 'unknown'
    ? 'Something went wrong while resetting your password. Try again.'
    : describeAuthError(error);
}
