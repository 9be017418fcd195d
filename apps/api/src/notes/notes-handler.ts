import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { getApi } from '../api-instance';
import { problemResponse } from '../http/problem-details';
import { protectedHandler } from '../http/protected-handler';
import type { NoteStore } from './note-store';
import { noteOwnerOf } from './note-owner';
import { NOTE_PROBLEMS } from './note-responses';

/** What a notes handler works with: the caller's notes and a clock. */
export interface NotesRequestContext {
  /** The caller, see `noteOwnerOf`. */
  readonly owner: string;
  readonly store: NoteStore;
  readonly now: () => Date;
  readonly invocation: InvocationContext;
}

/** A notes endpoint, free of token handling so that it can be tested with any store and clock. */
export type NotesHandler = (
  request: HttpRequest,
  notes: NotesRequestContext,
) => Promise<HttpResponseInit>;

/** The permission names of the notes API, as in `scp`. */
export type NotesScope = 'notes.read' | 'notes.write';

/**
 * Makes `handler` a Functions HTTP handler: Bearer validation requiring `scope` (RFC 6750
 * answers), then the owner from the token (403 problem when it names no user), the process's
 * note store and the system clock.
 */
export function notesHandler(
  handler: NotesHandler,
  scope: NotesScope,
): ReturnType<typeof protectedHandler> {
  return protectedHandler(
    async (request, invocation, auth) => {
      const owner = noteOwnerOf(auth.claims);
      if (owner === undefined) return problemResponse(NOTE_PROBLEMS.noUser);
      const { notes: store } = (await getApi()).state;
      return handler(request, { owner, store, now: () => new Date(), invocation });
    },
    { scopes: [scope] },
  );
}
