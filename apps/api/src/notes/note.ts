/**
 * A note as the API sends it. `id` is a lowercase UUID v4; the times are ISO 8601 UTC strings
 * (`toISOString()`), so they sort as strings.
 */
export interface Note {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a client may set on a note, already validated (see `parseNoteInput`). */
export interface NoteInput {
  /** Trimmed, 1–200 code points. */
  readonly title: string;
  /** At most 10,000 code points; may be empty. */
  readonly body: string;
}

/** A note with the strong entity tag of its current version. */
export interface VersionedNote {
  readonly note: Note;
  /** A strong entity tag, quotes included (`"3"`), sent as `ETag` and compared with `If-Match`. */
  readonly etag: string;
}
