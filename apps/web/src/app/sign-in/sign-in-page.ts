import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  AuthService,
  AuthStore,
  ROPC_AUTH_CONFIG,
  describeAuthError,
  toAuthError,
  type AuthError,
} from '@ropc/angular-auth';
import { AuthAlert } from '../auth-alert/auth-alert';
import { EmailField } from '../auth-fields/email-field';
import { PasswordInput } from '../auth-fields/password-input';
import { CodeSignInForm } from './code-sign-in-form';
import { safeReturnUrl } from './safe-return-url';

/**
 * The sign-in form. Sends the username and password once per submit through `AuthService` (B2C's
 * ROPC or External ID's native sign-in, as configured), shows one message per kind of failure,
 * and clears the password after every attempt so it does not linger in the page. An External ID
 * app on the e-mail code user flow gets the code form instead. On success it goes to `returnUrl`
 * when that stays inside the app. Below: the ways to sign up and reset a password — the app's
 * own pages on External ID, the hosted user flows' pages (when configured) on B2C.
 */
@Component({
  selector: 'app-sign-in-page',
  imports: [AuthAlert, CodeSignInForm, EmailField, PasswordInput, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-page.html',
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly passwordInput = viewChild.required(PasswordInput);

  /** Bound from the `returnUrl` query parameter (set by the auth guard). */
  readonly returnUrl = input<string>();

  private readonly config = inject(ROPC_AUTH_CONFIG);
  protected readonly native = this.config.authorityKind === 'external-id';
  protected readonly usesCode = this.native && this.config.signInMethod === 'email-otp';
  protected readonly passwordResetUrl = this.config.passwordResetUrl;
  protected readonly signUpUrl = this.config.signUpUrl;
  protected readonly username = signal('');
  /**
   * The password itself stays in the field, never in component state: it is read once on submit
   * and the field is cleared directly, which also works when a password manager fills and submits
   * before Angular renders.
   */
  protected readonly passwordEntered = signal(false);
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  /** The last failure; starts with an ended session, which is why the guard sent people here. */
  protected readonly error = signal<AuthError | null>(sessionEndedError(inject(AuthStore)));
  protected readonly errorMessage = computed(() => {
    const error = this.error();
    return error === null ? null : signInFailureMessage(error);
  });
  protected readonly usernameMissing = computed(
    () => this.attempted() && this.username().trim() === '',
  );
  protected readonly passwordMissing = computed(() => this.attempted() && !this.passwordEntered());

  protected async submit(event: Event): Promise<void> {
    // The form posts nowhere: without this the browser would reload the page with the fields.
    event.preventDefault();
    if (this.busy()) return;
    this.attempted.set(true);
    const username = this.username().trim();
    const password = this.passwordInput().value();
    if (username === '' || password === '') return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.signIn(username, password);
      this.clearPassword();
      // The field is empty now on purpose: no "Enter your password." while the page changes.
      this.attempted.set(false);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (reason) {
      this.clearPassword();
      this.attempted.set(false);
      this.error.set(toAuthError(reason));
      this.passwordInput().focus();
    } finally {
      this.busy.set(false);
    }
  }

  /** The code form signed the user in. */
  protected async onCodeSignIn(): Promise<void> {
    await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }

  protected onPasswordInput(): void {
    this.passwordEntered.set(this.passwordInput().value() !== '');
  }

  private clearPassword(): void {
    this.passwordInput().clear();
    this.passwordEntered.set(false);
  }
}

function sessionEndedError(store: AuthStore): AuthError | null {
  const error = store.lastError();
  return error?.kind === 'session_expired' ? error : null;
}

/**
 * The library's sentence for the failure (`describeAuthError`), except that this page words kind
 * `unknown` as a sign-in that went wrong.
 */
function signInFailureMessage(error: AuthError): string {
  return error.kind === 'unknown'
    ? 'Something went wrong while signing you in. Try again.'
    : describeAuthError(error);
}
