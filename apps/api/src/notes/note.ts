import type { Note } from '@ropc/notes-contract';

export type { Note, NoteInput } from '@ropc/notes-contract';

/** A note with the strong entity tag of its current version. */
export interface VersionedNote {
  readonly note: Note;
  /** A strong entity tag, quotes included (`"3"`), sent as `ETag` and compared with `If-Match`. */
  readonly etag: string;
}
