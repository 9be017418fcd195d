import { HttpRequest, InvocationContext } from '@azure/functions';
import { MemoryNoteStore } from '../notes/memory-note-store';
import type { NotesRequestContext } from '../notes/notes-handler';
import { deleteNote, getNote, replaceNote } from './note-item';

// Registration needs the Functions host; here the handlers are called directly.
jest.mock('@azure/functions', () => ({
  ...jest.requireActual<typeof import('@azure/functions')>('@azure/functions'),
  app: { http: jest.fn() },
}));

const OWNER = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const T0 = new Date('2030-01-01T00:00:00.000Z');
const T1 = new Date('2030-01-01T00:01:00.000Z');

async function withNote(): Promise<{ context: NotesRequestContext; id: string }> {
  const store = new MemoryNoteStore();
  const created = await store.create(OWNER, { title: 'a', body: '' }, T0);
  if (!created.ok) throw new Error('create refused');
  const context = { owner: OWNER, store, now: () => T1, invocation: new InvocationContext() };
  return { context, id: created.note.id };
}

function request(method: string, id: string, headers: Record<string, string> = {}, body?: unknown) {
  return new HttpRequest({
    method,
    url: `http://localhost/api/notes/${id}`,
    params: { id },
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: { string: JSON.stringify(body) } }),
  });
}

describe('note item handlers', () => {
  it('finds a note by an upper-case id', async () => {
    const { context, id } = await withNote();
    const response = await getNote(request('GET', id.toUpperCase()), context);
    expect(response).toMatchObject({ status: 200, headers: { ETag: '"1"' }, jsonBody: { id } });
  });

  it('replaces at the injected time when one tag of an If-Match list is current', async () => {
    const { context, id } = await withNote();
    const put = request('PUT', id, { 'if-match': '"9", "1"' }, { title: 'b' });
    expect(await replaceNote(put, context)).toEqual({
      status: 200,
      headers: { 'Cache-Control': 'no-store', ETag: '"2"' },
      jsonBody: {
        id,
        title: 'b',
        body: '',
        createdAt: T0.toISOString(),
        updatedAt: T1.toISOString(),
      },
    });
  });

  it('checks the id before the body, and If-Match before deleting', async () => {
    const { context, id } = await withNote();
    const malformed = await replaceNote(request('PUT', 'x', {}, 'not even an object'), context);
    expect(malformed).toMatchObject({ status: 404 });
    const stale = await deleteNote(request('DELETE', id, { 'if-match': '"2"' }), context);
    expect(stale).toMatchObject({ status: 412 });
    expect(await deleteNote(request('DELETE', id), context)).toEqual({
      status: 204,
      headers: { 'Cache-Control': 'no-store' },
    });
  });
});
