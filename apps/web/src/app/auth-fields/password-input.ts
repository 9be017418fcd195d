import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  model,
  viewChild,
} from '@angular/core';

/**
 * A password input with its "Show password" toggle, as the sign-in, sign-up and reset forms draw
 * it: the element itself is the field's `.field__row`. The page keeps the label, the hints and
 * the error line (their places and sizes differ per page) and points the input at them through
 * `describedBy`.
 *
 * The password stays in the input, never in component state: the page reads it once per submit
 * with `value()` and empties the input with `clear()`, which also works when a password manager
 * fills and submits before Angular renders. The input's `input` events bubble to this element.
 * As with `EmailField`, pages bind even fixed inputs, so that no stray attribute lands here.
 */
@Component({
  selector: 'app-password-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field__row' },
  templateUrl: './password-input.html',
})
export class PasswordInput {
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');

  /** The input's id and name, for the page's `<label for>`. */
  readonly inputId = input.required<string>();
  /** `current-password` to sign in; `new-password` lets the browser suggest one. */
  readonly autocomplete = input.required<'current-password' | 'new-password'>();
  /** Marks the input invalid (`aria-invalid`), while the page's error line says why. */
  readonly invalid = input(false);
  /** The ids of the hint and error line that describe the input, or null for none. */
  readonly describedBy = input<string | null>(null);
  /** Whether the password is shown as text; a page that draws the field anew may keep it. */
  readonly shown = model(false);

  /** The password as typed: read it on submit, do not keep it. */
  value(): string {
    return this.field().nativeElement.value;
  }

  /** Empties the input, after every attempt, so that the password does not linger in the page. */
  clear(): void {
    this.field().nativeElement.value = '';
  }

  /** Puts the cursor in the input. */
  focus(): void {
    this.field().nativeElement.focus();
  }

  protected toggleShown(): void {
    this.shown.update((shown) => !shown);
  }
}
