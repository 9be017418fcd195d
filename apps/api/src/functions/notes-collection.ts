import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { problemResponse } from '../http/problem-details';
import { readJsonBody } from '../http/read-json-body';
import { noteListResponse, noteResponse, NOTE_PROBLEMS } from '../notes/note-responses';
import { notesHandler, type NotesRequestContext } from '../notes/notes-handler';
import { parseNoteInput } from '../notes/parse-note-input';
import { problemStorageFailure } from '../http/problem-storage-failure';

// The collection resource `/api/notes`: one function per method, because each needs its own scope.

/** GET /api/notes (notes.read): 200 `{"items": [note...]}`, the caller's notes, newest first. */
export async function listNotes(
  _request: HttpRequest,
  { owner, store }: NotesRequestContext,
): Promise<HttpResponseInit> {
  return noteListResponse(await store.list(owner));
}

/**
 * POST /api/notes (notes.write): `{"title", "body"}` → 201 with the note, its `ETag` and
 * `Location`. 400/413/415 problems for a bad body, 409 once the caller has the most notes allowed.
 */
export async function createNote(
  request: HttpRequest,
  { owner, store, now }: NotesRequestContext,
): Promise<HttpResponseInit> {
  const body = await readJsonBody(request);
  if (!body.ok) return problemResponse(body.problem);
  const parsed = parseNoteInput(body.value);
  if (!parsed.ok) return problemResponse(parsed.problem);
  const created = await store.create(owner, parsed.input, now());
  if (!created.ok) return problemResponse(NOTE_PROBLEMS.limitReached);
  // host.json's routePrefix is "api"; an absolute path works behind any origin (the web proxy).
  return noteResponse(created, 201, { Location: `/api/notes/${created.note.id}` });
}

registerHttpFunction('notes-list', {
  route: 'notes',
  methods: ['GET'],
  handler: notesHandler(listNotes, 'notes.read'),
  storageFailure: problemStorageFailure,
});

registerHttpFunction('notes-create', {
  route: 'notes',
  methods: ['POST'],
  handler: notesHandler(createNote, 'notes.write'),
  storageFailure: problemStorageFailure,
});
