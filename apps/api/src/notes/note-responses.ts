import type { HttpResponseInit } from '@azure/functions';
import { problemDetails, problemResponse } from '../http/problem-details';
import type { Note, VersionedNote } from './note';
import { MAX_NOTES_PER_OWNER } from './note-store';

/** Notes are private to one user: no cache along the way may keep them. */
const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** The problems of the notes API, by what went wrong. */
export const NOTE_PROBLEMS = {
  noUser: problemDetails(403, 'The access token names no user'),
  // Also for another user's note, so that ids do not leak.
  notFound: problemDetails(404, 'There is no note with this id'),
  preconditionFailed: problemDetails(412, 'The note has changed: its ETag does not match If-Match'),
  invalidIfMatch: problemDetails(400, 'If-Match must be * or a list of quoted entity tags'),
  limitReached: problemDetails(409, `A user may keep at most ${MAX_NOTES_PER_OWNER} notes`),
} as const;

/** The problem answer for a store write that changed nothing. */
export function noteWriteFailure(reason: 'notFound' | 'preconditionFailed'): HttpResponseInit {
  return problemResponse(NOTE_PROBLEMS[reason]);
}

/** A single note with its `ETag`; `headers` adds e.g. `Location`. */
export function noteResponse(
  { note, etag }: VersionedNote,
  status: 200 | 201 = 200,
  headers: Readonly<Record<string, string>> = {},
): HttpResponseInit {
  return { status, headers: { ...NO_STORE, ETag: etag, ...headers }, jsonBody: note };
}

/** `{"items": [...]}`: an object rather than a bare array, so fields can be added later. */
export function noteListResponse(items: readonly Note[]): HttpResponseInit {
  return { status: 200, headers: NO_STORE, jsonBody: { items } };
}

/** 204 after a delete. */
export function noContentResponse(): HttpResponseInit {
  return { status: 204, headers: NO_STORE };
}
