import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { problemResponse } from '../http/problem-details';
import { readJsonBody } from '../http/read-json-body';
import { parseIfMatch, resolveExpectedEtag } from '../notes/if-match';
import { noteIdOf } from '../notes/note-id';
import {
  noContentResponse,
  noteResponse,
  noteWriteFailure,
  NOTE_PROBLEMS,
} from '../notes/note-responses';
import { notesHandler, type NotesRequestContext } from '../notes/notes-handler';
import { parseNoteInput } from '../notes/parse-note-input';
import { problemStorageFailure } from '../http/problem-storage-failure';

// The item resource `/api/notes/{id}`: one function per method, because each needs its own scope.
// An id that is not a UUID, a missing note and another user's note all get the same 404.

/** GET /api/notes/{id} (notes.read): 200 with the note and its `ETag`, or 404. */
export async function getNote(
  request: HttpRequest,
  { owner, store }: NotesRequestContext,
): Promise<HttpResponseInit> {
  const id = noteIdOf(request.params['id']);
  const found = id === undefined ? undefined : await store.get(owner, id);
  return found === undefined ? problemResponse(NOTE_PROBLEMS.notFound) : noteResponse(found);
}

/**
 * PUT /api/notes/{id} (notes.write): replaces title and body; 200 with the note and its new
 * `ETag`. 404, 412 when `If-Match` is sent and does not match, 400/413/415 for a bad body.
 */
export async function replaceNote(
  request: HttpRequest,
  { owner, store, now }: NotesRequestContext,
): Promise<HttpResponseInit> {
  const id = noteIdOf(request.params['id']);
  if (id === undefined) return problemResponse(NOTE_PROBLEMS.notFound);
  const ifMatch = parseIfMatch(request.headers.get('if-match'));
  if (ifMatch === 'invalid') return problemResponse(NOTE_PROBLEMS.invalidIfMatch);
  const body = await readJsonBody(request);
  if (!body.ok) return problemResponse(body.problem);
  const parsed = parseNoteInput(body.value);
  if (!parsed.ok) return problemResponse(parsed.problem);
  const expected = await resolveExpectedEtag(ifMatch, currentEtag(store, owner, id));
  if (!expected.ok) return noteWriteFailure(expected.reason);
  const updated = await store.update(owner, id, parsed.input, expected.etag, now());
  return updated.ok ? noteResponse(updated) : noteWriteFailure(updated.reason);
}

/** DELETE /api/notes/{id} (notes.write): 204, 404, or 412 when `If-Match` does not match. */
export async function deleteNote(
  request: HttpRequest,
  { owner, store }: NotesRequestContext,
): Promise<HttpResponseInit> {
  const id = noteIdOf(request.params['id']);
  if (id === undefined) return problemResponse(NOTE_PROBLEMS.notFound);
  const ifMatch = parseIfMatch(request.headers.get('if-match'));
  if (ifMatch === 'invalid') return problemResponse(NOTE_PROBLEMS.invalidIfMatch);
  const expected = await resolveExpectedEtag(ifMatch, currentEtag(store, owner, id));
  if (!expected.ok) return noteWriteFailure(expected.reason);
  const deleted = await store.delete(owner, id, expected.etag);
  return deleted.ok ? noContentResponse() : noteWriteFailure(deleted.reason);
}

function currentEtag(
  store: NotesRequestContext['store'],
  owner: string,
  id: string,
): () => Promise<string | undefined> {
  return async () => (await store.get(owner, id))?.etag;
}

registerHttpFunction('note-get', {
  route: 'notes/{id}',
  methods: ['GET'],
  handler: notesHandler(getNote, 'notes.read'),
  storageFailure: problemStorageFailure,
});

registerHttpFunction('note-replace', {
  route: 'notes/{id}',
  methods: ['PUT'],
  handler: notesHandler(replaceNote, 'notes.write'),
  storageFailure: problemStorageFailure,
});

registerHttpFunction('note-delete', {
  route: 'notes/{id}',
  methods: ['DELETE'],
  handler: notesHandler(deleteNote, 'notes.write'),
  storageFailure: problemStorageFailure,
});
