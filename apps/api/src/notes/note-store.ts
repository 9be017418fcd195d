import { MAX_NOTES_PER_OWNER } from '@ropc/notes-contract';
import type { Note, NoteInput, VersionedNote } from './note';

export { MAX_NOTES_PER_OWNER };

/** Options of every {@link NoteStore} implementation. */
export interface NoteStoreOptions {
  /** Default {@link MAX_NOTES_PER_OWNER}; tests lower it to reach the cap quickly. */
  readonly maxNotesPerOwner?: number;
}

/** The cap of `options`, checked: a non-negative integer. */
export function maxNotesPerOwnerOf(options: NoteStoreOptions): number {
  const { maxNotesPerOwner = MAX_NOTES_PER_OWNER } = options;
  if (!Number.isSafeInteger(maxNotesPerOwner) || maxNotesPerOwner < 0) {
    throw new TypeError('maxNotesPerOwner must be a non-negative integer');
  }
  return maxNotesPerOwner;
}

/** `create`: the new note, or the owner already has the most notes allowed. */
export type CreateNoteResult =
  ({ readonly ok: true } & VersionedNote) | { readonly ok: false; readonly reason: 'limitReached' };

/** `update`: the changed note, or why nothing changed. */
export type UpdateNoteResult =
  | ({ readonly ok: true } & VersionedNote)
  | { readonly ok: false; readonly reason: 'notFound' | 'preconditionFailed' };

/** `delete`: done, or why nothing changed. */
export type DeleteNoteResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'notFound' | 'preconditionFailed' };

/**
 * Where notes live, per owner (the user's object id). Every call is scoped to one owner: a note
 * of another owner is indistinguishable from a missing one, so ids never leak.
 *
 * Concurrency is optimistic and entity-tag based, as Azure Table storage does it: each write
 * gives the note a new strong entity tag, and `update`/`delete` with an `expectedEtag` change
 * the note only while it still has that tag (`'*'` matches any existing note; `undefined` means
 * unconditional). The check and the write are one atomic step.
 */
export interface NoteStore {
  /** The owner's notes, newest first: by `createdAt` descending, ties by `id` ascending. */
  list(owner: string): Promise<readonly Note[]>;
  /** One note, or `undefined` when the owner has no note with this id. */
  get(owner: string, id: string): Promise<VersionedNote | undefined>;
  /** Adds a note with a new UUID v4, created and updated `now`, unless the owner is at the cap. */
  create(owner: string, input: NoteInput, now: Date): Promise<CreateNoteResult>;
  /** Replaces title and body and sets `updatedAt` to `now`. */
  update(
    owner: string,
    id: string,
    input: NoteInput,
    expectedEtag: string | undefined,
    now: Date,
  ): Promise<UpdateNoteResult>;
  delete(owner: string, id: string, expectedEtag: string | undefined): Promise<DeleteNoteResult>;
  /** How many notes the owner has. */
  count(owner: string): Promise<number>;
  /** Purges what deleted notes may have left behind by `now` (epoch ms); returns how many. */
  deleteExpired(now: number): Promise<number>;
}
