import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  input,
  model,
  viewChild,
} from '@angular/core';

/**
 * The "Email address" field of the sign-in, code sign-in, sign-up and reset forms: its label, an
 * input the browser and password managers know as the account's username, and the error line
 * below, always in the page so that an error appearing moves nothing. The element itself is the
 * form's `.field`. The page decides what the error is; this field says it and marks itself.
 *
 * Pages bind even fixed inputs (`[inputId]="'email'"`): written as a plain attribute, a value
 * would also land on this element, beside the `id` it is meant for.
 */
@Component({
  selector: 'app-email-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field' },
  templateUrl: './email-field.html',
})
export class EmailField {
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');

  /** The input's id and name; its error line is `<inputId>-error`. */
  readonly inputId = input.required<string>();
  /** The address in the field, as the browser gives it; the page trims it before use. */
  readonly value = model.required<string>();
  /** Said on the error line; the field is invalid while there is one. */
  readonly error = input<string | null>(null);
  /**
   * The id of a page alert that speaks for this field (sign-up's "account exists", too long for
   * the error line): the field is invalid and described by it as well, while it is set.
   */
  readonly alertId = input<string | null>(null);
  /**
   * Whether the empty error line describes the field while there is no error (the default). The
   * sign-in page links it only while it says something.
   */
  readonly describeWhileValid = input(true);

  protected readonly errorId = computed(() => `${this.inputId()}-error`);
  protected readonly invalid = computed(() => this.error() !== null || this.alertId() !== null);
  protected readonly describedBy = computed(() => {
    const errorLine = this.error() !== null || this.describeWhileValid() ? this.errorId() : null;
    const ids = [errorLine, this.alertId()].filter((id) => id !== null);
    return ids.length === 0 ? null : ids.join(' ');
  });

  /** Puts the cursor in the field. */
  focus(): void {
    this.field().nativeElement.focus();
  }

  /** Focuses the field with the address selected, so that typing replaces it. */
  select(): void {
    const field = this.field().nativeElement;
    field.focus();
    field.select();
  }

  protected onInput(): void {
    this.value.set(this.field().nativeElement.value);
  }
}
