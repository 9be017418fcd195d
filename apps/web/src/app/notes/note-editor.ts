import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { FieldErrors } from '../http/problem-details';
import type { NoteInput } from './note';
import {
  codePointLength,
  NOTE_BODY_MAX_LENGTH,
  NOTE_TITLE_MAX_LENGTH,
  validateNoteInput,
} from './validate-note-input';

const EMPTY_NOTE: NoteInput = { title: '', body: '' };

/**
 * The note form, for adding and for editing. Checks the fields as the API will before emitting
 * `save`, shows the API's own field errors (`serverErrors`) the same way, and moves focus to the
 * first field in error so keyboard and screen reader users land on it.
 */
@Component({
  selector: 'app-note-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './note-editor.html',
})
export class NoteEditor {
  /** Makes the field ids unique when several editors are on the page. */
  readonly idPrefix = input.required<string>();
  readonly initial = input<NoteInput>(EMPTY_NOTE);
  readonly submitLabel = input('Save');
  readonly busyLabel = input('Saving…');
  readonly busy = input(false);
  /** Field errors of the API's last 400 answer for this form. */
  readonly serverErrors = input<FieldErrors>({});
  readonly cancellable = input(false);
  /** Focus the title when the form appears (an edit form opened from the list). */
  readonly focusOnOpen = input(false);
  readonly save = output<NoteInput>();
  readonly cancelled = output();

  private readonly titleInput = viewChild.required<ElementRef<HTMLInputElement>>('titleInput');
  private readonly bodyInput = viewChild.required<ElementRef<HTMLTextAreaElement>>('bodyInput');

  protected readonly titleMax = NOTE_TITLE_MAX_LENGTH;
  protected readonly bodyMax = NOTE_BODY_MAX_LENGTH.toLocaleString('en');
  protected readonly title = linkedSignal(() => this.initial().title);
  protected readonly body = linkedSignal(() => this.initial().body);
  protected readonly titleLength = computed(() => codePointLength(this.title().trim()));
  protected readonly bodyLength = computed(() => codePointLength(this.body()));
  /** Client-side messages appear once a save was tried, then follow the typing. */
  private readonly attempted = signal(false);
  protected readonly errors = computed<FieldErrors>(() => ({
    ...this.serverErrors(),
    ...(this.attempted() ? validateNoteInput(this.current()) : {}),
  }));
  /** Errors about anything but the two fields (e.g. an unknown property), shown above them. */
  protected readonly otherErrors = computed(() =>
    Object.entries(this.errors())
      .filter(([field]) => field !== 'title' && field !== 'body')
      .flatMap(([, messages]) => messages),
  );

  constructor() {
    afterNextRender(() => {
      if (this.focusOnOpen()) this.titleInput().nativeElement.focus();
    });
    effect(() => {
      if (Object.keys(this.serverErrors()).length > 0) {
        untracked(() => {
          this.focusFirstError();
        });
      }
    });
  }

  /** Back to `initial` with no messages, e.g. after a note was added. */
  reset(): void {
    const { title, body } = this.initial();
    this.attempted.set(false);
    this.title.set(title);
    this.body.set(body);
    // The fields too: if nothing rendered since the last keystroke, the bindings still hold the
    // old values and would see no change to write.
    this.titleInput().nativeElement.value = title;
    this.bodyInput().nativeElement.value = body;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    this.attempted.set(true);
    const input = this.current();
    if (Object.keys(validateNoteInput(input)).length > 0) {
      this.focusFirstError();
      return;
    }
    this.save.emit(input);
  }

  protected describedBy(field: 'title' | 'body'): string {
    return `${this.idPrefix()}-${field}-count ${this.idPrefix()}-${field}-error`;
  }

  private current(): NoteInput {
    return { title: this.title().trim(), body: this.body() };
  }

  private focusFirstError(): void {
    const errors = this.errors();
    if (errors['title']) this.titleInput().nativeElement.focus();
    else if (errors['body']) this.bodyInput().nativeElement.focus();
  }
}
