/**
 * @ropc/notes-contract: the notes API's wire types and limits, shared by the API that enforces
 * them and the web client that checks them before sending. Platform-neutral.
 */
export type { Note, NoteInput, NoteList } from './note';
export {
  MAX_NOTES_PER_OWNER,
  NOTE_BODY_MAX_LENGTH,
  NOTE_TITLE_MAX_LENGTH,
  codePointLength,
} from './note-limits';
