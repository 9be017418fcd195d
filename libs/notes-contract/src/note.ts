/**
 * A note as the API sends it (docs/architecture.md, "Protected API"). `id` is a UUID; the times are
 * ISO 8601 UTC strings, so they sort as strings.
 */
export interface Note {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The body of `POST /api/notes` and `PUT /api/notes/{id}`. */
export interface NoteInput {
  /** 1–200 code points once trimmed. */
  readonly title: string;
  /** At most 10,000 code points; may be empty. */
  readonly body: string;
}

/** `GET /api/notes`: an object rather than a bare array, so fields can be added later. */
export interface NoteList {
  readonly items: readonly Note[];
}
