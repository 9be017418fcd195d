import {
  JSON_TYPE,
  UNKNOWN_ID,
  call,
  create,
  expectProblem,
  notFound,
  noteOf,
  startNotesStack,
  stopNotesStack,
  type Note,
} from './notes-client';

// Creating, listing, reading, replacing and deleting notes; the other notes-*.int.spec.ts files
// cover If-Match, bad input and limits, and who may see which note.

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

describe('notes API (/api/notes) against the emulator', () => {
  let alice: string;

  beforeAll(async () => {
    ({ alice } = await startNotesStack());
  }, 30_000);

  afterAll(stopNotesStack);

  describe('round trip', () => {
    it('creates, lists, reads, replaces and deletes a note with exact bodies and headers', async () => {
      const created = await create(alice, '  Groceries  ', 'milk, eggs');
      const note = noteOf(created);
      expect(created.status).toBe(201);
      expect(note).toEqual({
        id: expect.stringMatching(UUID_V4) as unknown,
        title: 'Groceries',
        body: 'milk, eggs',
        createdAt: expect.stringMatching(ISO_8601) as unknown,
        updatedAt: note.createdAt,
      });
      expect(Object.fromEntries(created.headers)).toMatchObject({
        location: `/api/notes/${note.id}`,
        etag: '"1"',
        'content-type': JSON_TYPE,
        'cache-control': 'no-store',
      });

      const listed = await call('GET', '/api/notes', { token: alice });
      expect(listed.status).toBe(200);
      expect(listed.headers.get('content-type')).toBe(JSON_TYPE);
      expect(listed.headers.get('cache-control')).toBe('no-store');
      expect(listed.body).toEqual({ items: [note] });

      const read = await call('GET', `/api/notes/${note.id}`, { token: alice });
      expect({ status: read.status, body: read.body }).toEqual({ status: 200, body: note });
      expect(read.headers.get('etag')).toBe('"1"');
      expect(read.headers.get('cache-control')).toBe('no-store');

      await pause(5);
      const json = { title: 'Groceries (done)', body: '' };
      const replaced = await call('PUT', `/api/notes/${note.id}`, { token: alice, json });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toEqual({
        ...note,
        ...json,
        updatedAt: expect.stringMatching(ISO_8601) as unknown,
      });
      expect(noteOf(replaced).updatedAt > note.updatedAt).toBe(true);
      expect(replaced.headers.get('etag')).toBe('"2"');
      expect(replaced.headers.get('cache-control')).toBe('no-store');
      expect((await call('GET', `/api/notes/${note.id}`, { token: alice })).body).toEqual(
        replaced.body,
      );

      const deleted = await call('DELETE', `/api/notes/${note.id}`, { token: alice });
      expect({ status: deleted.status, body: deleted.body }).toEqual({
        status: 204,
        body: undefined,
      });
      expect(deleted.headers.get('cache-control')).toBe('no-store');
      expectProblem(await call('GET', `/api/notes/${note.id}`, { token: alice }), 404, notFound);
      expectProblem(await call('DELETE', `/api/notes/${note.id}`, { token: alice }), 404, notFound);
      expect((await call('GET', '/api/notes', { token: alice })).body).toEqual({ items: [] });
    });

    it('lists the newest note first', async () => {
      const notes: Note[] = [];
      for (const title of ['first', 'second', 'third']) {
        notes.push(noteOf(await create(alice, title)));
        await pause(5);
      }
      const listed = await call('GET', '/api/notes', { token: alice });
      expect(listed.body).toEqual({ items: [...notes].reverse() });
      await Promise.all(
        notes.map((note) => call('DELETE', `/api/notes/${note.id}`, { token: alice })),
      );
    });

    it('accepts the longest title and body, counting code points, and a missing body', async () => {
      const title = '😀'.repeat(200);
      const longest = await create(alice, title, 'b'.repeat(10_000));
      expect(longest.status).toBe(201);
      expect(noteOf(longest)).toMatchObject({ title, body: 'b'.repeat(10_000) });
      const bare = await call('POST', '/api/notes', { token: alice, json: { title: 'x' } });
      expect({ status: bare.status, body: noteOf(bare).body }).toEqual({ status: 201, body: '' });
      for (const answer of [longest, bare]) {
        await call('DELETE', `/api/notes/${noteOf(answer).id}`, { token: alice });
      }
    });
  });

  describe('unknown and malformed ids', () => {
    it.each([UNKNOWN_ID, 'not-a-uuid', '12345', '00000000-0000-4000-8000-00000000000g'])(
      'answers 404 for %s on GET, PUT and DELETE',
      async (id) => {
        const path = `/api/notes/${id}`;
        expectProblem(await call('GET', path, { token: alice }), 404, notFound);
        const json = { title: 'a' };
        expectProblem(await call('PUT', path, { token: alice, json }), 404, notFound);
        expectProblem(await call('DELETE', path, { token: alice }), 404, notFound);
      },
    );
  });
});
