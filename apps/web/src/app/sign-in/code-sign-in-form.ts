import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { describeAuthError, toAuthError, type AuthError } from '@ropc/angular-auth';
import { NativeAuthService, type CodeSignInStep } from '@ropc/angular-auth/native-auth';
import { AuthAlert } from '../auth-alert/auth-alert';
import { EmailField } from '../auth-fields/email-field';
import { OneTimeCodeForm } from '../one-time-code/one-time-code-form';

/**
 * Sign-in with a code e-mailed to the user, for an External ID app whose user flow is the e-mail
 * one-time passcode (`"signInMethod": "email-otp"`): the address, then the code. The step
 * object, which holds the flow's continuation token, lives in this component only.
 */
@Component({
  selector: 'app-code-sign-in-form',
  imports: [AuthAlert, EmailField, OneTimeCodeForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './code-sign-in-form.html',
})
export class CodeSignInForm {
  private readonly native = inject(NativeAuthService);
  private readonly injector = inject(Injector);
  private readonly emailField = viewChild(EmailField);

  /** The user is signed in: the page goes on. */
  readonly signedIn = output();

  protected readonly email = signal('');
  protected readonly step = signal<CodeSignInStep | null>(null);
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  protected readonly error = signal<AuthError | null>(null);
  protected readonly errorMessage = computed(() => {
    const error = this.error();
    return error === null ? null : describeAuthError(error);
  });
  protected readonly emailMissing = computed(() => this.attempted() && this.email().trim() === '');
  /** Bound once, so the code form keeps one function across renders. */
  protected readonly verify = async (code: string): Promise<void> => {
    const step = this.step();
    if (step === null) return;
    await step.submitCode(code);
    this.signedIn.emit();
  };

  protected async sendCode(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.attempted.set(true);
    const email = this.email().trim();
    if (email === '') return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.step.set(await this.native.startCodeSignIn(email));
    } catch (reason) {
      this.error.set(toAuthError(reason));
    } finally {
      this.busy.set(false);
    }
  }

  /** Back to the address: another one, or after the flow expired. */
  protected startOver(error: AuthError | null): void {
    this.step.set(null);
    this.attempted.set(false);
    this.error.set(error);
    // The field is drawn again first: focus it once it is in the page.
    afterNextRender(() => this.emailField()?.focus(), { injector: this.injector });
  }
}
