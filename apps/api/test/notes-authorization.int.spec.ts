import {
  UNKNOWN_ID,
  accessToken,
  call,
  create,
  expectProblem,
  notFound,
  noteOf,
  section,
  stack,
  startNotesStack,
  stopNotesStack,
  type Note,
} from './notes-client';
import { ALICE, CLIENT_ID, NOTES_READ } from './start-stack';

// Who may do what: the bearer token, its scopes and audience, and the owner it names — a note is
// visible to its owner only.

describe('notes API (/api/notes) against the emulator', () => {
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    ({ alice, bob } = await startNotesStack());
  }, 30_000);

  afterAll(stopNotesStack);

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

    /** Replaces the B2C tenant's user flow subject settings; the signing keys stay. */
    async function setFlow(applicationClaims: string[], subjectClaim: string): Promise<void> {
      // The export is a version 2 tenant file; this stack's file has one B2C tenant.
      const file = structuredClone(original) as { tenants: { userFlows: object[] }[] };
      for (const tenant of file.tenants)
        tenant.userFlows = tenant.userFlows.map((flow) => ({
          ...flow,
          applicationClaims,
          subjectClaim,
        }));
      const answer = await stack().emulator.admin('PUT', '/.emulator/tenant', file);
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
});
