import { NOTE_BODY_MAX_LENGTH, NOTE_TITLE_MAX_LENGTH, codePointLength } from '@ropc/notes-contract';
import { problemDetails, type ProblemDetails } from '../http/problem-details';
import type { NoteInput } from './note';

/** The validated input, or the 400 problem listing every invalid property. */
export type ParseNoteInputResult =
  | { readonly ok: true; readonly input: NoteInput }
  | { readonly ok: false; readonly problem: ProblemDetails };

/**
 * Validates a parsed request body as `{"title", "body"}`: title a string of 1–200 code points
 * after trimming (stored trimmed), body a string of at most 10,000 code points (default `""`),
 * and no other property. Every problem is reported at once, keyed by property name.
 */
export function parseNoteInput(value: unknown): ParseNoteInputResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: problemDetails(400, 'The request body must be a JSON object') };
  }
  const fields = value as Readonly<Record<string, unknown>>;
  // A Map, then Object.fromEntries: a property named "__proto__" stays a plain key.
  const errors = new Map<string, string[]>();
  const title = checkTitle(fields['title']);
  const body = checkBody(fields['body']);
  if (typeof title !== 'string') errors.set('title', [title.error]);
  if (typeof body !== 'string') errors.set('body', [body.error]);
  for (const key of Object.keys(fields)) {
    if (key !== 'title' && key !== 'body') errors.set(key, ['Unknown property']);
  }
  if (typeof title !== 'string' || typeof body !== 'string' || errors.size > 0) {
    const problem = problemDetails(400, 'The note is invalid', Object.fromEntries(errors));
    return { ok: false, problem };
  }
  return { ok: true, input: { title, body } };
}

function checkTitle(value: unknown): string | { readonly error: string } {
  if (value === undefined) return { error: 'The title is required' };
  if (typeof value !== 'string') return { error: 'The title must be a string' };
  const title = value.trim();
  if (title === '') return { error: 'The title must not be empty' };
  if (codePointLength(title) > NOTE_TITLE_MAX_LENGTH) {
    return { error: `The title must be at most ${NOTE_TITLE_MAX_LENGTH} characters` };
  }
  return title;
}

function checkBody(value: unknown): string | { readonly error: string } {
  if (value === undefined) return '';
  if (typeof value !== 'string') return { error: 'The body must be a string' };
  if (codePointLength(value) > NOTE_BODY_MAX_LENGTH) {
    return { error: `The body must be at most ${NOTE_BODY_MAX_LENGTH} characters` };
  }
  return value;
}
