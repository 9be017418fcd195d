// Property-based fuzzing of the API over real HTTP: the sign-in proxy's three endpoints (cookies,
// CSRF headers, forms) and the notes API (JSON, ids, If-Match). Whatever a client sends: no 5xx,
// a typed refusal (B2C's body on /api/auth, problem+json or an RFC 6750 challenge on the notes, the
// host's own `{"error"}` for an unrouted method), no secret in the answer, and a refused notes
// request changes nothing.
import { fuzzParameters, fuzzTimeoutMs } from '@ropc/fuzz-testing';
import fc from 'fast-check';
import { SCOPE, XHR, cookieOf, post, sessionCookieOf } from './proxy-client';
import { ALICE, apiEnv, signIn, startApi, startEmulator, type Started } from './start-stack';

const RUNS = 150;
const FUZZ_PASSWORD = 'Fuzz-Secret-Passw0rd!';

/** Text a hostile client sends: separators, broken escapes, controls, astral characters. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('&', '=', '%', '+', '%zz', ';', ',', '"', '\u0000', '😀', ' '),
    fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 60,
});

/** What a header can carry (printable ASCII), with the separators cookies and tags use. */
const headerText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(';', ',', '"', '=', '%', ' '),
    fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  ),
  maxLength: 60,
});

describe('API fuzz (fast-check, over HTTP)', () => {
  let emulator: Started;
  let api: Started;
  let session: string;
  let device: string;
  let accessToken: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    api = await startApi(apiEnv(emulator.url, { AUTH_TRUSTED_HOPS: '1' }));
    const signedIn = await post(
      `${api.url}/api/auth/token`,
      { grant_type: 'password', username: ALICE.username, password: ALICE.password, scope: SCOPE },
      { ...XHR, 'X-Forwarded-For': '198.51.100.1' },
    );
    session = sessionCookieOf(signedIn);
    device = cookieOf(signedIn, 'ropc_device');
    accessToken = String((await signIn(emulator.url, ALICE))['access_token']);
  }, 30_000);

  afterAll(async () => {
    await api.stop();
    await emulator.stop();
  });

  it(
    'answers anything sent to /api/auth with a typed answer, never a 5xx or a secret',
    async () => {
      const cookie = fc.oneof(
        fc.constant(''),
        fc.constant(session),
        fc.constant(`${session}; ${device}`),
        headerText.map((value) => `ropc_session=${value}`),
        headerText.map((value) => `ropc_device=${value}; ropc_session=${value}`),
        fc.constant(`${session.slice(0, -4)}AAAA`),
      );
      const form = fc.oneof(
        fc.record({
          grant_type: fc.constantFrom('password', 'refresh_token', 'client_credentials', ''),
          username: fc.oneof(fc.constant(ALICE.username), hostileText),
          password: fc.constantFrom(FUZZ_PASSWORD, ALICE.password),
          scope: fc.oneof(fc.constant(SCOPE), hostileText),
        }),
        fc.dictionary(hostileText, hostileText, { maxKeys: 4 }),
      );
      const request = fc.record({
        endpoint: fc.constantFrom('token', 'refresh', 'sign-out'),
        csrf: fc.constantFrom('XMLHttpRequest', 'xmlhttprequest', ''),
        origin: fc.constantFrom('http://localhost:4200', 'https://evil.example', ''),
        cookie,
        form,
        raw: fc.option(hostileText),
        clientIp: fc.ipV4(),
      });
      await fc.assert(
        fc.asyncProperty(request, async (sent) => {
          const headers: Record<string, string> = {
            'X-Forwarded-For': sent.clientIp,
            'Content-Type': 'application/x-www-form-urlencoded',
            ...(sent.csrf ? { 'X-Requested-With': sent.csrf } : {}),
            ...(sent.origin ? { Origin: sent.origin } : {}),
            ...(sent.cookie ? { Cookie: sent.cookie } : {}),
          };
          const body = sent.raw ?? new URLSearchParams(sent.form).toString();
          const response = await fetch(`${api.url}/api/auth/${sent.endpoint}`, {
            method: 'POST',
            headers,
            body,
          });
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          expect(response.headers.get('cache-control')).toBe('no-store');
          expect(text).not.toContain(FUZZ_PASSWORD);
          expect(text).not.toContain(session.slice('ropc_session='.length));
          const cookies = response.headers.getSetCookie();
          if (response.status === 204) {
            expect(text).toBe('');
            return;
          }
          const json = JSON.parse(text) as Record<string, unknown>;
          if (response.status === 200) {
            expect(typeof json['access_token']).toBe('string');
            expect(json['refresh_token']).toBeUndefined();
            return;
          }
          expect(
            Object.keys(json)
              .filter((key) => key !== 'reason')
              .sort(),
          ).toEqual(['error', 'error_description']);
          // A refusal sets no cookie, or only clears the session one.
          for (const setCookie of cookies)
            expect(setCookie).toMatch(/^ropc_session=; .*Max-Age=0/iu);
        }),
        fuzzParameters(process.env, RUNS),
      );
    },
    fuzzTimeoutMs(process.env, 120_000),
  );

  it('never writes a secret it was sent to its log', () => {
    const logged = api.output() + emulator.output();
    expect(logged).not.toContain(FUZZ_PASSWORD);
    expect(logged).not.toContain(session.slice('ropc_session='.length));
    expect(logged).not.toContain(accessToken.split('.')[2]);
  });

  it(
    'answers anything sent to /api/notes with a typed answer, and a refusal changes nothing',
    async () => {
      const listNotes = async (): Promise<string> =>
        (
          await fetch(`${api.url}/api/notes`, {
            headers: { Authorization: `Bearer ${accessToken}` },
          })
        ).text();
      const created = await fetch(`${api.url}/api/notes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Target of the fuzz', body: '' }),
      });
      const existing = ((await created.json()) as { id: string }).id;
      const request = fc.record({
        method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        path: fc.oneof(
          fc.constant(''),
          fc.constant(`/${existing}`),
          fc.uuid().map((id) => `/${id}`),
          hostileText.map((text) => `/${encodeURIComponent(text)}`),
        ),
        authorization: fc.constantFrom('good', 'none', 'garbage'),
        ifMatch: fc.option(fc.oneof(fc.constantFrom('"1"', '*', '"999"', 'W/"1"'), headerText)),
        contentType: fc.constantFrom(
          'application/json',
          'application/merge-patch+json',
          'text/plain',
          '',
        ),
        body: fc.oneof(
          fc.json({ maxDepth: 3 }),
          fc
            .record({
              title: fc.oneof(hostileText, fc.string({ maxLength: 300 })),
              body: hostileText,
            })
            .map((note) => JSON.stringify(note)),
          hostileText,
        ),
      });
      await fc.assert(
        fc.asyncProperty(request, async (sent) => {
          const before = await listNotes();
          const headers: Record<string, string> = {
            ...(sent.authorization === 'good' ? { Authorization: `Bearer ${accessToken}` } : {}),
            ...(sent.authorization === 'garbage' ? { Authorization: 'Bearer not.a.token' } : {}),
            ...(sent.ifMatch === null ? {} : { 'If-Match': sent.ifMatch }),
            ...(sent.contentType ? { 'Content-Type': sent.contentType } : {}),
          };
          const withBody = sent.method !== 'GET' && sent.method !== 'DELETE';
          const response = await fetch(`${api.url}/api/notes${sent.path}`, {
            method: sent.method,
            headers,
            ...(withBody ? { body: sent.body } : {}),
          });
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          if (response.status < 400) return;
          const type = response.headers.get('content-type') ?? '';
          if (response.status === 401 || response.status === 403) {
            expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="api"/u);
          } else if (type.startsWith('application/problem+json')) {
            const problem = JSON.parse(text) as Record<string, unknown>;
            expect([typeof problem['type'], typeof problem['title'], problem['status']]).toEqual([
              'string',
              'string',
              response.status,
            ]);
          } else {
            // Only the host's own answer for a method no notes route takes.
            expect([response.status, JSON.parse(text)]).toEqual([
              405,
              { error: 'method_not_allowed' },
            ]);
          }
          expect(await listNotes()).toBe(before);
        }),
        fuzzParameters(process.env, RUNS),
      );
    },
    fuzzTimeoutMs(process.env, 120_000),
  );
});
