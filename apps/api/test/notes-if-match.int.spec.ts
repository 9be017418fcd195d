import {
  UNKNOWN_ID,
  badRequest,
  call,
  create,
  expectProblem,
  notFound,
  noteOf,
  section,
  startNotesStack,
  stopNotesStack,
  type Answer,
  type CallOptions,
} from './notes-client';

// Conditional replace and delete (RFC 9110 §13.1.1): strong comparison, `*`, lists of tags.

const preconditionFailed = {
  type: section('15.5.13'),
  title: 'Precondition Failed',
  status: 412,
  detail: 'The note has changed: its ETag does not match If-Match',
};

describe('notes API (/api/notes) against the emulator', () => {
  let alice: string;

  beforeAll(async () => {
    ({ alice } = await startNotesStack());
  }, 30_000);

  afterAll(stopNotesStack);

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
});
