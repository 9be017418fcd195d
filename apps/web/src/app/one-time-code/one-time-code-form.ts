import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { describeAuthError, toAuthError, type AuthError } from '@ropc/angular-auth';
import { endsTheFlow, type OneTimeCodeStep } from '@ropc/angular-auth/native-auth';
import { AuthAlert } from '../auth-alert/auth-alert';
import { tickingNow } from '../time/ticking-now';

/**
 * The one-time-code step of External ID's flows (sign-in with a code, sign-up, password reset):
 * one field the browser and password managers know as a one-time code, a button to verify it,
 * and "send a new code" with its countdown. The page passes the step and what a code does
 * (`verify`); this form shows the wait, the failures in plain words and keeps the code field
 * for another try. A failure that ends the flow is handed back through `flowEnded`.
 */
@Component({
  selector: 'app-one-time-code-form',
  imports: [AuthAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './one-time-code-form.html',
})
export class OneTimeCodeForm {
  private readonly codeInput = viewChild.required<ElementRef<HTMLInputElement>>('codeInput');

  readonly step = input.required<OneTimeCodeStep>();
  /** What a code is for: signs in, or moves the flow on. Rejects with an `AuthError`. */
  readonly verify = input.required<(code: string) => Promise<void>>();
  /** The verify button's words, e.g. "Sign in" or "Verify". */
  readonly verifyLabel = input('Verify');
  readonly flowEnded = output<AuthError>();

  protected readonly code = signal('');
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  protected readonly error = signal<AuthError | null>(null);
  protected readonly resentNotice = signal(false);
  /** Bumped after a resend: `resendAvailableAt` lives on the step, outside any signal. */
  private readonly resends = signal(0);
  private readonly now = tickingNow(signal(true));

  protected readonly codeLength = computed(() => this.step().codeLength);
  protected readonly codeMissing = computed(
    () => this.attempted() && this.code().length !== this.codeLength(),
  );
  protected readonly errorMessage = computed(() => {
    const error = this.error();
    return error === null ? null : describeAuthError(error);
  });
  /** Whole seconds until a new code may be asked for; 0 when it may. */
  protected readonly resendWaitSeconds = computed(() => {
    this.resends();
    return Math.max(0, Math.ceil((this.step().resendAvailableAt - this.now()) / 1000));
  });

  constructor() {
    // The page shows this form in place of the step before: the field is where the user types.
    afterNextRender(() => {
      this.codeInput().nativeElement.focus();
    });
  }

  /** Keeps digits only, as many as the code has: a pasted "1234 5678" still works. */
  protected onInput(field: HTMLInputElement): void {
    const digits = field.value.replace(/\D/g, '').slice(0, this.codeLength());
    field.value = digits;
    this.code.set(digits);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.attempted.set(true);
    if (this.codeMissing()) return;
    await this.run(() => this.verify()(this.code()));
  }

  protected async resend(): Promise<void> {
    if (this.busy() || this.resendWaitSeconds() > 0) return;
    const sent = await this.run(() => this.step().resend());
    if (sent) {
      this.resends.update((count) => count + 1);
      this.resentNotice.set(true);
    }
  }

  /** Runs a call with the form busy; a failure is shown, or handed back when it ends the flow. */
  private async run(call: () => Promise<void>): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    this.resentNotice.set(false);
    try {
      await call();
      return true;
    } catch (reason) {
      const error = toAuthError(reason);
      if (endsTheFlow(error)) {
        this.flowEnded.emit(error);
      } else {
        this.error.set(error);
        this.attempted.set(false);
        this.codeInput().nativeElement.select();
      }
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
