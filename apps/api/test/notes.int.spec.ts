import { randomBytes } from 'node:crypto';
import {
  ALICE,
  BOB,
  CLIENT_ID,
  NOTES_READ,
  apiEnv,
  signIn,
  startApi,
  startEmulator,
  type Started,
} from './start-stack';

// Run after `npx nx run-many -t build -p b2c-emulator,functions-host,api`.

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

interface CallOptions {
  readonly token?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  readonly json?: unknown;
  /** Sent as is; set the headers yourself. */
  readonly raw?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

interface Note {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';

const section = (number: string): string =>
  `https://www.rfc-editor.org/rfc/rfc9110#section-${number}`;
const notFound = {
  type: section('15.5.5'),
  title: 'Not Found',
  status: 404,
  detail: 'There is no note with this id',
};
const preconditionFailed = {
  type: section('15.5.13'),
  title: 'Precondition Failed',
  status: 412,
  detail: 'The note has changed: its ETag does not match If-Match',
};
const invalidNote = (errors: Record<string, string[]>): Record<string, unknown> => ({
  type: section('15.5.1'),
  title: 'Bad Request',
  status: 400,
  detail: 'The note is invalid',
  errors,
});
const badRequest = (detail: string): Record<string, unknown> => ({
  type: section('15.5.1'),
  title: 'Bad Request',
  status: 400,
  detail,
});

const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

describe('notes API (/api/notes) against the emulator', () => {
  let emulator: Emulator | undefined;
  let api: Started | undefined;

  /** The running emulator and API; a failed start fails every test with its own error. */
  function stack(): { emulator: Emulator; api: Started } {
    if (emulator === undefined || api === undefined) throw new Error('the stack did not start');
    return { emulator, api };
  }
  let alice: string;
  let bob: string;

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const { token, json, raw, headers = {} } = options;
    const response = await fetch(`${stack().api.url}${path}`, {
      method,
      headers: {
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        ...(json === undefined ? {} : { 'Content-Type': JSON_TYPE }),
        ...headers,
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      ...(raw === undefined ? {} : { body: raw }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
  }

  async function accessToken(user: typeof ALICE, scope?: string): Promise<string> {
    return String((await signIn(stack().emulator.url, user, scope))['access_token']);
  }

  async function create(token: string, title: string, body = ''): Promise<Answer> {
    return call('POST', '/api/notes', { token, json: { title, body } });
  }

  const noteOf = (answer: Answer): Note => answer.body as Note;

  function expectProblem(answer: Answer, status: number, body: unknown): void {
    expect({ status: answer.status, body: answer.body }).toEqual({ status, body });
    expect(answer.headers.get('content-type')).toBe(PROBLEM_TYPE);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  }

  beforeAll(async () => {
    emulator = await startEmulator();
    // A key generated per run: the notes never touch the sign-in proxy's cookies.
    const cookieKeys = `notes-test:${randomBytes(32).toString('base64')}`;
    api = await startApi(apiEnv(emulator.url, { AUTH_COOKIE_KEYS: cookieKeys }));
    [alice, bob] = await Promise.all([accessToken(ALICE), accessToken(BOB)]);
  }, 30_000);

  afterAll(async () => {
    await api?.stop();
    await emulator?.stop();
  });

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

  describe('If-Match', () => {
    let id: string;

    beforeEach(async () => {
      id = noteOf(await create(alice, 'versioned')).id;
    });

    afterEach(async () => {
      await call('DELETE', `/api/notes/${id}`, { token: alice });
    });

    const replace = (ifMatch: string, title: string): Promise<Answer> =>
      call('PUT', `/api/notes/${id}`, {
        token: alice,
        json: { title },
        headers: { 'If-Match': ifMatch },
      });

    it('replaces when the tag matches, then refuses the stale tag with 412', async () => {
      const first = await replace('"1"', 'v2');
      expect({ status: first.status, etag: first.headers.get('etag') }).toEqual({
        status: 200,
        etag: '"2"',
      });
      expectProblem(await replace('"1"', 'lost update'), 412, preconditionFailed);
      expect(noteOf(await call('GET', `/api/notes/${id}`, { token: alice })).title).toBe('v2');
    });

    it('matches any existing note with *, and one tag of a list', async () => {
      expect((await replace('*', 'star')).headers.get('etag')).toBe('"2"');
      expect((await replace('"7", "2"', 'listed')).headers.get('etag')).toBe('"3"');
      expectProblem(await replace('"7", "8"', 'unlisted'), 412, preconditionFailed);
    });

    it('never matches a weak tag, and refuses a malformed header with 400', async () => {
      expectProblem(await replace('W/"1"', 'weak'), 412, preconditionFailed);
      const detail = 'If-Match must be * or a list of quoted entity tags';
      expectProblem(await replace('1', 'unquoted'), 400, badRequest(detail));
    });

    it('deletes only with a matching tag', async () => {
      const headers = (ifMatch: string): CallOptions => ({
        token: alice,
        headers: { 'If-Match': ifMatch },
      });
      expectProblem(
        await call('DELETE', `/api/notes/${id}`, headers('"9"')),
        412,
        preconditionFailed,
      );
      expect((await call('DELETE', `/api/notes/${id}`, headers('"1"'))).status).toBe(204);
      expectProblem(await call('DELETE', `/api/notes/${id}`, headers('*')), 404, notFound);
    });

    it('answers 404 rather than 412 for a missing note', async () => {
      const json = { title: 'a' };
      const options = { token: alice, json, headers: { 'If-Match': '"1"' } };
      expectProblem(await call('PUT', `/api/notes/${UNKNOWN_ID}`, options), 404, notFound);
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

  describe('authorization', () => {
    it('answers 401 without a token', async () => {
      for (const [method, path] of [
        ['GET', '/api/notes'],
        ['POST', '/api/notes'],
        ['GET', `/api/notes/${UNKNOWN_ID}`],
        ['PUT', `/api/notes/${UNKNOWN_ID}`],
        ['DELETE', `/api/notes/${UNKNOWN_ID}`],
      ] as const) {
        const answer = await call(method, path);
        expect({
          status: answer.status,
          challenge: answer.headers.get('www-authenticate'),
        }).toEqual({
          status: 401,
          challenge: 'Bearer realm="api"',
        });
      }
    });

    it('lets a notes.read token read but not write (403 insufficient_scope)', async () => {
      const reader = await accessToken(ALICE, `openid ${NOTES_READ}`);
      const { id } = noteOf(await create(alice, 'read only'));
      expect((await call('GET', '/api/notes', { token: reader })).status).toBe(200);
      expect((await call('GET', `/api/notes/${id}`, { token: reader })).status).toBe(200);
      const json = { title: 'changed' };
      for (const [method, path] of [
        ['POST', '/api/notes'],
        ['PUT', `/api/notes/${id}`],
        ['DELETE', `/api/notes/${id}`],
      ] as const) {
        const answer = await call(method, path, { token: reader, json });
        expect({ status: answer.status, body: answer.body }).toEqual({
          status: 403,
          body: {
            error: 'insufficient_scope',
            error_description: 'The access token lacks a required scope.',
          },
        });
        expect(answer.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
      }
      expect(noteOf(await call('GET', `/api/notes/${id}`, { token: alice })).title).toBe(
        'read only',
      );
      await call('DELETE', `/api/notes/${id}`, { token: alice });
    });

    it('answers 401 to a token issued for the client id (aud = client id)', async () => {
      const token = await accessToken(ALICE, `openid ${CLIENT_ID}`);
      const answer = await call('GET', '/api/notes', { token });
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 401,
        body: {
          error: 'invalid_token',
          error_description: 'The access token is not intended for this API.',
        },
      });
    });

    it("keeps bob's note from alice: 404 on read, replace and delete, note unchanged", async () => {
      const created = await create(bob, "bob's", 'private');
      const { id } = noteOf(created);
      const path = `/api/notes/${id}`;
      expectProblem(await call('GET', path, { token: alice }), 404, notFound);
      const json = { title: 'hijacked' };
      expectProblem(await call('PUT', path, { token: alice, json }), 404, notFound);
      const star = { token: alice, json, headers: { 'If-Match': '*' } };
      expectProblem(await call('PUT', path, star), 404, notFound);
      expectProblem(await call('DELETE', path, { token: alice }), 404, notFound);
      expect((await call('GET', '/api/notes', { token: alice })).body).toEqual({ items: [] });
      const after = await call('GET', path, { token: bob });
      expect({ body: after.body, etag: after.headers.get('etag') }).toEqual({
        body: created.body,
        etag: '"1"',
      });
      expect((await call('GET', '/api/notes', { token: bob })).body).toEqual({
        items: [created.body],
      });
      await call('DELETE', path, { token: bob });
    });
  });

  describe('owner from the token', () => {
    let original: unknown;

    /** Replaces the user flow's subject settings; the signing keys stay. */
    async function setFlow(applicationClaims: string[], subjectClaim: string): Promise<void> {
      const tenant = structuredClone(original) as { userFlows: Record<string, unknown>[] };
      tenant.userFlows = tenant.userFlows.map((flow) => ({
        ...flow,
        applicationClaims,
        subjectClaim,
      }));
      const answer = await stack().emulator.admin('PUT', '/.emulator/tenant', tenant);
      expect(answer.status).toBe(204);
    }

    const claimsOf = (token: string): Record<string, unknown> =>
      JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
        string,
        unknown
      >;

    beforeAll(async () => {
      original = await (await stack().emulator.admin('GET', '/.emulator/tenant')).json();
    });

    afterAll(async () => {
      await stack().emulator.admin('PUT', '/.emulator/tenant', original);
    });

    it('uses a GUID sub when the token has no oid', async () => {
      const { id } = noteOf(await create(alice, 'by oid'));
      await setFlow(['displayName'], 'objectId');
      const token = await accessToken(ALICE);
      expect(claimsOf(token)).toMatchObject({ sub: ALICE.oid });
      expect(claimsOf(token)).not.toHaveProperty('oid');
      const listed = await call('GET', '/api/notes', { token });
      expect((listed.body as { items: Note[] }).items.map((note) => note.id)).toEqual([id]);
      await call('DELETE', `/api/notes/${id}`, { token });
    });

    it('refuses a token naming no user with 403', async () => {
      await setFlow(['displayName'], 'notSupported');
      const token = await accessToken(ALICE);
      expect(claimsOf(token)).toMatchObject({ sub: 'Not supported currently. Use oid claim.' });
      expect(claimsOf(token)).not.toHaveProperty('oid');
      const noUser = {
        type: section('15.5.4'),
        title: 'Forbidden',
        status: 403,
        detail: 'The access token names no user',
      };
      expectProblem(await call('GET', '/api/notes', { token }), 403, noUser);
      expectProblem(await create(token, 'nobody'), 403, noUser);
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
