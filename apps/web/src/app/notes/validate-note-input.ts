import type { FieldErrors } from '../http/problem-details';
import { NOTE_BODY_MAX_LENGTH, NOTE_TITLE_MAX_LENGTH, codePointLength } from '@ropc/notes-contract';
import type { NoteInput } from './note';

export { NOTE_BODY_MAX_LENGTH, NOTE_TITLE_MAX_LENGTH, codePointLength } from '@ropc/notes-contract';

/**
 * Checks a note as the API will (title 1–200 code points once trimmed, body at most 10,000), so
 * most mistakes are shown before a request; the API stays the judge and its 400 field errors are
 * shown the same way. Returns the messages per field; empty when valid.
 */
export function validateNoteInput(input: NoteInput): FieldErrors {
  const errors: Record<string, string[]> = {};
  const title = input.title.trim();
  if (title === '') {
    errors['title'] = ['Enter a title.'];
  } else if (codePointLength(title) > NOTE_TITLE_MAX_LENGTH) {
    errors['title'] = [`Use at most ${NOTE_TITLE_MAX_LENGTH} characters for the title.`];
  }
  if (codePointLength(input.body) > NOTE_BODY_MAX_LENGTH) {
    errors['body'] = ['Use at most 10,000 characters for the note.'];
  }
  return errors;
}
