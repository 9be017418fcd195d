/**
 * A note as the API sends it (DESIGN.md, "Protected API"). The times are ISO 8601 UTC strings, so
 * they sort as strings.
 */
export interface Note {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a person may set on a note: the body of `POST` and `PUT /api/notes...`. */
export interface NoteInput {
  readonly title: string;
  readonly body: string;
}

/** A note with the entity tag of the version read, to send back as `If-Match`. */
export interface VersionedNote {
  readonly note: Note;
  /** The `ETag` header, quotes included; `null` when the answer had none. */
  readonly etag: string | null;
}

/** `GET /api/notes`: an object rather than a bare array, so fields can be added later. */
export interface NoteList {
  readonly items: readonly Note[];
}
