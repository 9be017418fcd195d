import {
  JSON_TYPE,
  badRequest,
  call,
  create,
  expectProblem,
  noteOf,
  section,
  startNotesStack,
  stopNotesStack,
  type Note,
} from './notes-client';

// Bad input (fields, JSON, media types, sizes) and the per-user cap: refused, and nothing stored.

const invalidNote = (errors: Record<string, string[]>): Record<string, unknown> => ({
  type: section('15.5.1'),
  title: 'Bad Request',
  status: 400,
  detail: 'The note is invalid',
  errors,
});

describe('notes API (/api/notes) against the emulator', () => {
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    ({ alice, bob } = await startNotesStack());
  }, 30_000);

  afterAll(stopNotesStack);

  describe('validation', () => {
    it.each([
      ['an empty title', { title: '', body: '' }, { title: ['The title must not be empty'] }],
      ['a blank title', { title: ' \t\n ' }, { title: ['The title must not be empty'] }],
      [
        'a 201-character title',
        { title: 'a'.repeat(201) },
        { title: ['The title must be at most 200 characters'] },
      ],
      [
        'a 10,001-character body',
        { title: 'a', body: 'b'.repeat(10_001) },
        { body: ['The body must be at most 10000 characters'] },
      ],
      ['no title', { body: 'b' }, { title: ['The title is required'] }],
      [
        'non-string fields',
        { title: 1, body: null },
        { title: ['The title must be a string'], body: ['The body must be a string'] },
      ],
      ['an extra property', { title: 'a', color: 'red' }, { color: ['Unknown property'] }],
    ])('refuses %s with a 400 listing the fields', async (_case, json, errors) => {
      expectProblem(
        await call('POST', '/api/notes', { token: alice, json }),
        400,
        invalidNote(errors),
      );
    });

    it.each([
      ['an array', []],
      ['null', null],
      ['a string', 'note'],
    ])('refuses %s as the body', async (_case, json) => {
      const answer = await call('POST', '/api/notes', { token: alice, json });
      expectProblem(answer, 400, badRequest('The request body must be a JSON object'));
    });

    it('refuses invalid JSON', async () => {
      const headers = { 'Content-Type': JSON_TYPE };
      const answer = await call('POST', '/api/notes', { token: alice, raw: '{"title":', headers });
      expectProblem(answer, 400, badRequest('The request body is not valid JSON'));
    });

    it.each([
      ['text/plain', { 'Content-Type': 'text/plain' }, 'must be sent as application/json'],
      [
        'a form',
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        'must be sent as application/json',
      ],
      [
        'Latin-1 JSON',
        { 'Content-Type': 'application/json; charset=iso-8859-1' },
        'must be encoded in UTF-8',
      ],
    ])('refuses %s with 415', async (_case, headers, detail) => {
      const raw = JSON.stringify({ title: 'a' });
      expectProblem(await call('POST', '/api/notes', { token: alice, raw, headers }), 415, {
        type: section('15.5.16'),
        title: 'Unsupported Media Type',
        status: 415,
        detail: `The request body ${detail}`,
      });
    });

    it('takes the longest note of astral characters, each JSON-escaped as a surrogate pair', async () => {
      const raw = `{"title":"${'\\ud83d\\ude00'.repeat(200)}","body":"${'\\ud83d\\ude00'.repeat(10_000)}"}`;
      expect(raw.length).toBeGreaterThan(120_000);
      const headers = { 'Content-Type': 'application/json' };
      const created = await call('POST', '/api/notes', { token: alice, raw, headers });
      expect(created.status).toBe(201);
      expect(noteOf(created)).toMatchObject({ title: '😀'.repeat(200), body: '😀'.repeat(10_000) });
      expect(
        (await call('DELETE', `/api/notes/${noteOf(created).id}`, { token: alice })).status,
      ).toBe(204);
    });

    it('refuses a body over 128 KiB with 413, on create and on replace', async () => {
      const json = { title: 'a', body: 'b'.repeat(128 * 1024) };
      const tooLarge = {
        type: section('15.5.14'),
        title: 'Content Too Large',
        status: 413,
        detail: 'The request body must be at most 131072 bytes',
      };
      expectProblem(await call('POST', '/api/notes', { token: alice, json }), 413, tooLarge);
      const { id } = noteOf(await create(alice, 'kept'));
      expectProblem(await call('PUT', `/api/notes/${id}`, { token: alice, json }), 413, tooLarge);
      const replace = { token: alice, json: { title: '' } };
      expectProblem(
        await call('PUT', `/api/notes/${id}`, replace),
        400,
        invalidNote({ title: ['The title must not be empty'] }),
      );
      expect(noteOf(await call('GET', `/api/notes/${id}`, { token: alice })).title).toBe('kept');
      await call('DELETE', `/api/notes/${id}`, { token: alice });
    });

    it('creates nothing when it refuses', async () => {
      expect((await call('GET', '/api/notes', { token: alice })).body).toEqual({ items: [] });
    });
  });

  describe('per-user cap', () => {
    it('refuses the 501st note with 409 and keeps 500', async () => {
      const titles = Array.from({ length: 500 }, (_, index) => `note ${index}`);
      for (let start = 0; start < titles.length; start += 25) {
        const batch = titles.slice(start, start + 25).map((title) => create(bob, title));
        expect((await Promise.all(batch)).map((answer) => answer.status)).toEqual(
          Array<number>(Math.min(25, titles.length - start)).fill(201),
        );
      }
      expectProblem(await create(bob, 'one too many'), 409, {
        type: section('15.5.10'),
        title: 'Conflict',
        status: 409,
        detail: 'A user may keep at most 500 notes',
      });
      const listed = (await call('GET', '/api/notes', { token: bob })).body as { items: Note[] };
      expect(listed.items).toHaveLength(500);
      expect((await call('GET', '/api/notes', { token: alice })).body).toEqual({ items: [] });
    }, 60_000);
  });
});
