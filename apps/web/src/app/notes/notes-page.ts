import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  inject,
  Injector,
  signal,
  viewChild,
  type WritableSignal,
} from '@angular/core';
import { describeHttpError } from '../http/describe-http-error';
import { problemDetailsOf, type FieldErrors } from '../http/problem-details';
import type { Note, NoteInput, VersionedNote } from './note';
import { NoteEditor } from './note-editor';
import { NoteItem } from './note-item';
import { NotesApi } from './notes-api';

/** What the list shows: a spinner, the notes (or the empty state), or why they could not load. */
export type NotesListState = 'loading' | 'ready' | 'error';

/** Shown when a save meets 412: someone changed the note since its edit form was opened. */
export const CHANGED_ELSEWHERE_MESSAGE =
  'This note was changed elsewhere, so your notes were reloaded. Open it again to edit the latest version.';

/**
 * The notes page: the list (newest first), a form to add a note, and edit and delete on each.
 * An edit starts from a fresh read of the note so its `ETag` guards the save (`If-Match`).
 */
@Component({
  selector: 'app-notes-page',
  imports: [NoteEditor, NoteItem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notes-page.html',
})
export class NotesPage {
  private readonly api = inject(NotesApi);
  private readonly injector = inject(Injector);
  private readonly addEditor = viewChild.required<NoteEditor>('addEditor');

  protected readonly state = signal<NotesListState>('loading');
  protected readonly notes = signal<readonly Note[]>([]);
  protected readonly loadError = signal('');
  /** Polite news of what just succeeded. */
  protected readonly notice = signal('');
  /** Why the last add, edit or delete failed, when not a field error. */
  protected readonly alert = signal('');
  protected readonly adding = signal(false);
  protected readonly addErrors = signal<FieldErrors>({});
  protected readonly editing = signal<VersionedNote | null>(null);
  protected readonly saving = signal(false);
  protected readonly editErrors = signal<FieldErrors>({});
  /** The note whose edit form is opening or which is being deleted. */
  protected readonly busyNoteId = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    try {
      this.notes.set(newestFirst(await this.api.list()));
      this.state.set('ready');
    } catch (error) {
      this.loadError.set(describeHttpError(error));
      this.state.set('error');
    }
  }

  protected async add(input: NoteInput): Promise<void> {
    this.startAction();
    this.adding.set(true);
    this.addErrors.set({});
    try {
      const { note } = await this.api.create(input);
      this.notes.update((notes) => [note, ...notes]);
      this.addEditor().reset();
      this.notice.set(`Added “${note.title}”.`);
    } catch (error) {
      this.showWriteError(error, this.addErrors);
    } finally {
      this.adding.set(false);
    }
  }

  protected async startEdit(note: Note): Promise<void> {
    this.startAction();
    this.busyNoteId.set(note.id);
    try {
      const current = await this.api.get(note.id);
      this.replace(current.note);
      this.editErrors.set({});
      this.editing.set(current);
    } catch (error) {
      this.showWriteError(error, null, note.id);
    } finally {
      this.busyNoteId.set(null);
    }
  }

  protected cancelEdit(): void {
    const id = this.editing()?.note.id;
    this.editing.set(null);
    if (id !== undefined) this.focusLater(`edit-${id}`);
  }

  protected async saveEdit(input: NoteInput): Promise<void> {
    const editing = this.editing();
    if (editing === null) return;
    this.startAction();
    this.saving.set(true);
    this.editErrors.set({});
    try {
      const { note } = await this.api.update(editing.note.id, input, editing.etag);
      this.replace(note);
      this.editing.set(null);
      this.notice.set(`Saved “${note.title}”.`);
      this.focusLater(`edit-${note.id}`);
    } catch (error) {
      await this.showEditError(error, editing.note.id);
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(note: Note): Promise<void> {
    this.startAction();
    this.busyNoteId.set(note.id);
    try {
      await this.api.remove(note.id);
      this.drop(note.id);
      this.notice.set(`Deleted “${note.title}”.`);
    } catch (error) {
      this.showWriteError(error, null, note.id);
    } finally {
      this.busyNoteId.set(null);
    }
  }

  private async showEditError(error: unknown, id: string): Promise<void> {
    if (isStatus(error, HttpStatusCode.PreconditionFailed)) {
      this.editing.set(null);
      await this.load();
      this.alert.set(CHANGED_ELSEWHERE_MESSAGE);
      return;
    }
    if (isNotFound(error)) this.editing.set(null);
    this.showWriteError(error, this.editErrors, id);
  }

  /** Field errors go next to their fields; a vanished note leaves the list; the rest is alerted. */
  private showWriteError(
    error: unknown,
    fieldErrors: WritableSignal<FieldErrors> | null,
    id?: string,
  ): void {
    const errors = problemDetailsOf(error)?.errors;
    if (
      fieldErrors !== null &&
      errors !== undefined &&
      isStatus(error, HttpStatusCode.BadRequest)
    ) {
      fieldErrors.set(errors);
      return;
    }
    if (id !== undefined && isNotFound(error)) this.drop(id);
    this.alert.set(describeHttpError(error));
  }

  private startAction(): void {
    this.notice.set('');
    this.alert.set('');
  }

  private replace(note: Note): void {
    this.notes.update((notes) => notes.map((item) => (item.id === note.id ? note : item)));
  }

  private drop(id: string): void {
    this.notes.update((notes) => notes.filter((item) => item.id !== id));
  }

  /** Focus moves after the next render, once the element it names exists again. */
  private focusLater(elementId: string): void {
    afterNextRender(() => document.getElementById(elementId)?.focus(), { injector: this.injector });
  }
}

function newestFirst(notes: readonly Note[]): readonly Note[] {
  return [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof HttpErrorResponse && error.status === status;
}

function isNotFound(error: unknown): boolean {
  return isStatus(error, HttpStatusCode.NotFound);
}
