import type { Note } from '@ropc/notes-contract';

export type { Note, NoteInput, NoteList } from '@ropc/notes-contract';

/** A note with the entity tag of the version read, to send back as `If-Match`. */
export interface VersionedNote {
  readonly note: Note;
  /** The `ETag` header, quotes included; `null` when the answer had none. */
  readonly etag: string | null;
}
