import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { DateTimePipe } from '../time/date-time-pipe';
import type { Note } from './note';

/**
 * One note in the list, with Edit and Delete. Delete asks for confirmation in place (not with
 * `window.confirm`, which cannot be styled and blocks the page) and moves focus into the question,
 * so keyboard users can answer it at once.
 */
@Component({
  selector: 'app-note-item',
  imports: [DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './note-item.html',
})
export class NoteItem {
  private readonly injector = inject(Injector);
  private readonly keepButton = viewChild<ElementRef<HTMLButtonElement>>('keepButton');
  private readonly deleteButton = viewChild.required<ElementRef<HTMLButtonElement>>('deleteButton');

  readonly note = input.required<Note>();
  /** True while this note's edit form is being opened or it is being deleted. */
  readonly busy = input(false);
  readonly edit = output();
  readonly remove = output();

  protected readonly confirming = signal(false);

  protected askToDelete(): void {
    this.confirming.set(true);
    // "Keep it" is the safe default: a stray Enter keeps the note.
    afterNextRender(() => this.keepButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancelDelete(): void {
    this.confirming.set(false);
    afterNextRender(
      () => {
        this.deleteButton().nativeElement.focus();
      },
      { injector: this.injector },
    );
  }

  protected confirmDelete(): void {
    this.confirming.set(false);
    this.remove.emit();
  }
}
