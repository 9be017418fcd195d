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
import { NativeAuthService, type SignUpCodeStep } from '@ropc/angular-auth/native-auth';
import { AuthAlert } from '../auth-alert/auth-alert';
import { EmailField } from '../auth-fields/email-field';
import { PasswordInput } from '../auth-fields/password-input';
import { OneTimeCodeForm } from '../one-time-code/one-time-code-form';
import { safeReturnUrl } from '../sign-in/safe-return-url';

/**
 * Only catches a forgotten or doubled `@` before a round trip and an e-mail to nowhere; the
 * server decides what an address is (and answers `invalid_details`).
 */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/**
 * Sign-up with Entra External ID's native authentication, in two steps. "Details": e-mail,
 * display name and a new password (its policy shown before any submit), checked by the server,
 * which then e-mails a code. "Code": the shared one-time-code form; the right code creates the
 * account and signs in, then the page goes to `returnUrl` when that stays inside the app.
 *
 * The step object holds the flow's continuation tokens: it lives in a signal of this page only
 * (never storage, never the URL), so leaving or reloading the page starts again. The password is
 * read from its field on submit and the field is cleared after every attempt.
 */
@Component({
  selector: 'app-sign-up-page',
  imports: [AuthAlert, EmailField, OneTimeCodeForm, PasswordInput, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-up-page.html',
})
export class SignUpPage {
  private readonly native = inject(NativeAuthService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  // Optional: the details form is not in the page during the code step.
  private readonly emailField = viewChild(EmailField);
  private readonly passwordInput = viewChild(PasswordInput);

  /** Bound from the `returnUrl` query parameter; handed on to the sign-in links. */
  readonly returnUrl = input<string>();

  protected readonly email = signal('');
  protected readonly displayName = signal('');
  /** Whether the field has a value; the password itself stays in the field (see `SignInPage`). */
  protected readonly passwordEntered = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  /** The last failure of the details step, or why the code step sent people back here. */
  protected readonly failure = signal<AuthError | null>(null);
  /** The code step, holding the continuation tokens; null during the details step. */
  protected readonly codeStep = signal<SignUpCodeStep | null>(null);

  protected readonly signInQueryParams = computed(() => {
    const returnUrl = this.returnUrl();
    return returnUrl === undefined ? {} : { returnUrl };
  });
  protected readonly accountExists = computed(() => this.failure()?.kind === 'user_exists');
  protected readonly emailError = computed(() => {
    if (!this.attempted()) return null;
    const email = this.email().trim();
    if (email === '') return 'Enter your email address.';
    return EMAIL_SHAPE.test(email) ? null : 'Enter a full email address.';
  });
  protected readonly displayNameError = computed(() =>
    this.attempted() && this.displayName().trim() === '' ? 'Enter a display name.' : null,
  );
  protected readonly passwordError = computed(() => {
    const failure = this.failure();
    if (failure !== null && isPasswordRefusal(failure)) return describeAuthError(failure);
    return this.attempted() && !this.passwordEntered() ? 'Enter a password.' : null;
  });
  /**
   * Every failure but the password's goes to the page alert. A taken address goes there too,
   * although it is the e-mail's (the field is marked and described by it): with its link it wraps
   * to three lines on a phone, and below the submit button a message that long moves no field.
   */
  protected readonly alertError = computed(() => {
    const failure = this.failure();
    return failure === null || isPasswordRefusal(failure) ? null : failure;
  });
  protected readonly alertMessage = computed(() => {
    const error = this.alertError();
    return error === null ? null : signUpFailureMessage(error);
  });

  /**
   * What a code does on the code step. A field, not a method, so the form's input keeps one
   * value; the step is read when called, so a restarted flow uses its own.
   */
  protected readonly verifyCode = async (code: string): Promise<void> => {
    const step = this.codeStep();
    if (step === null) return;
    await step.submitCode(code);
    // The step stays shown until the next page replaces this one: no flash of the details form.
    await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  };

  protected async submit(event: Event): Promise<void> {
    // The form posts nowhere: without this the browser would reload the page with the fields.
    event.preventDefault();
    if (this.busy()) return;
    this.attempted.set(true);
    this.failure.set(null);
    const password = this.passwordInput()?.value() ?? '';
    // A password manager may fill the field without an input event.
    this.passwordEntered.set(password !== '');
    if (this.emailError() !== null || this.displayNameError() !== null || password === '') return;
    this.busy.set(true);
    try {
      const details = { email: this.email().trim(), displayName: this.displayName().trim() };
      const step = await this.native.startSignUp({ ...details, password });
      this.clearPassword();
      this.attempted.set(false);
      // The one-time-code form focuses its own field when it appears.
      this.codeStep.set(step);
    } catch (reason) {
      this.clearPassword();
      this.attempted.set(false);
      const failure = toAuthError(reason);
      this.failure.set(failure);
      // Where the fix is: a taken address is the e-mail's problem; anything else needs the
      // password again, which was just cleared.
      if (failure.kind === 'user_exists') this.emailField()?.focus();
      else this.passwordInput()?.focus();
    } finally {
      this.busy.set(false);
    }
  }

  /** Back to the details with the e-mail to correct; the code step and its tokens are dropped. */
  protected useDifferentEmail(): void {
    // Selected, so that typing replaces the address rather than adding to it.
    this.backToDetails(null, () => this.emailField()?.select());
  }

  /** The flow expired at the server: start again from the details, saying why. */
  protected restart(error: AuthError): void {
    this.backToDetails(error, () => this.passwordInput()?.focus());
  }

  protected onPasswordInput(): void {
    this.passwordEntered.set(this.passwordInput()?.value() !== '');
  }

  private backToDetails(failure: AuthError | null, focus: () => void): void {
    this.codeStep.set(null);
    this.failure.set(failure);
    this.passwordEntered.set(false);
    // The details form is rendered anew; screen-reader users hear where they are from the field.
    afterNextRender(focus, { injector: this.injector });
  }

  private clearPassword(): void {
    this.passwordInput()?.clear();
    this.passwordEntered.set(false);
  }
}

/**
 * The library's sentence for the failure (`describeAuthError`), except where its wording is about
 * signing in: an unknown failure and a flow this client cannot drive are worded for sign-up.
 */
function signUpFailureMessage(error: AuthError): string {
  switch (error.kind) {
    case 'unknown':
      return 'Something went wrong while creating your account. Try again.';
    case 'not_supported':
      return "Accounts can't be created here right now. Contact support if you think they should.";
    default:
      return describeAuthError(error);
  }
}
