import { HttpRequest, InvocationContext } from '@azure/functions';
import { MemoryNoteStore } from '../notes/memory-note-store';
import type { NotesRequestContext } from '../notes/notes-handler';
import { createNote, listNotes } from './notes-collection';

// Registration needs the Functions host; here the handlers are called directly.
jest.mock('@azure/functions', () => ({
  ...jest.requireActual<typeof import('@azure/functions')>('@azure/functions'),
  app: { http: jest.fn() },
}));

const OWNER = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const NOW = new Date('2030-01-01T00:00:00.000Z');

function notesContext(store = new MemoryNoteStore()): NotesRequestContext {
  return { owner: OWNER, store, now: () => NOW, invocation: new InvocationContext() };
}

function post(body: unknown): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/notes',
    headers: { 'content-type': 'application/json' },
    body: { string: JSON.stringify(body) },
  });
}

describe('createNote', () => {
  it('answers 201 with the note at the injected time, its ETag and Location', async () => {
    const context = notesContext();
    const response = await createNote(post({ title: 'a', body: 'b' }), context);
    const [stored] = await context.store.list(OWNER);
    expect(response).toEqual({
      status: 201,
      headers: {
        'Cache-Control': 'no-store',
        ETag: '"1"',
        Location: `/api/notes/${stored?.id ?? ''}`,
      },
      jsonBody: {
        id: stored?.id,
        title: 'a',
        body: 'b',
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      },
    });
  });

  it('answers 409 at the cap and stores nothing', async () => {
    const context = notesContext(new MemoryNoteStore({ maxNotesPerOwner: 0 }));
    const response = await createNote(post({ title: 'a' }), context);
    expect(response).toMatchObject({
      status: 409,
      headers: { 'Content-Type': 'application/problem+json' },
      jsonBody: { status: 409, detail: 'A user may keep at most 500 notes' },
    });
    expect(await context.store.count(OWNER)).toBe(0);
  });
});

describe('listNotes', () => {
  it('answers {"items": []} for a user without notes', async () => {
    const request = new HttpRequest({ method: 'GET', url: 'http://localhost/api/notes' });
    expect(await listNotes(request, notesContext())).toEqual({
      status: 200,
      headers: { 'Cache-Control': 'no-store' },
      jsonBody: { items: [] },
    });
  });
});
