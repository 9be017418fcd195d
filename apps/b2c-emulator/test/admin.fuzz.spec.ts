// Property-based fuzzing of what an operator controls over HTTP: the Graph-shaped users API and
// the admin routes, with and without the admin key. No 5xx; refusals in Graph's error shape (or the
// admin routes' own `{"error":{"code","message"}}`); a refused request changes no user; no password
// it was sent in any answer.
import { fuzzParameters, fuzzTimeoutMs } from '@ropc/fuzz-testing';
import fc from 'fast-check';
import { ADMIN_KEY, TENANT, startEmulator, type RunningEmulator } from './start-emulator';

const RUNS = 120;
const FUZZ_PASSWORD = 'Fuzz-Secret-Passw0rd!';
const ALICE_ID = '26926d34-dad3-45bb-8bff-84a5f01522d9';

const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('@', '.', '/', '%', '\u0000', '😀', '"', ' '),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

/** A Graph user body, valid or mangled in one or a few of its parts. */
const userBody = fc.record(
  {
    displayName: fc.oneof(text, fc.constant('Fuzz User')),
    identities: fc.oneof(
      fc.constant([
        { signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: 'fuzz@contoso.com' },
      ]),
      fc.array(
        fc.record({ signInType: text, issuer: text, issuerAssignedId: text }, { requiredKeys: [] }),
        { maxLength: 3 },
      ),
      fc.anything(),
    ),
    passwordProfile: fc.oneof(
      fc.constant({ password: FUZZ_PASSWORD, forceChangePasswordNextSignIn: false }),
      fc.record({ password: fc.oneof(text, fc.constant(FUZZ_PASSWORD)) }, { requiredKeys: [] }),
      fc.anything(),
    ),
    accountEnabled: fc.oneof(fc.boolean(), fc.anything()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('admin and Graph users API fuzz (fast-check, over HTTP)', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  const users = async (): Promise<string> => (await emulator.admin('GET', '/v1.0/users')).text();

  it(
    'answers anything an operator sends with a typed answer; a refusal changes no user',
    async () => {
      const request = fc.record({
        route: fc.constantFrom<readonly [string, string]>(
          ['POST', '/v1.0/users'],
          ['GET', '/v1.0/users'],
          ['GET', `/v1.0/users/${ALICE_ID}`],
          ['PATCH', `/v1.0/users/${ALICE_ID}`],
          ['DELETE', '/v1.0/users/00000000-0000-4000-8000-000000000000'],
          ['POST', `/v1.0/users/${ALICE_ID}/revokeSignInSessions`],
          ['POST', '/.emulator/clock'],
          ['POST', '/.emulator/keys/rotate'],
          ['GET', '/.emulator/tenant'],
        ),
        id: fc.option(text.map(encodeURIComponent)),
        query: fc.option(text.map((value) => `?$filter=${encodeURIComponent(value)}`)),
        key: fc.constantFrom(ADMIN_KEY, ADMIN_KEY, 'wrong-key-0123', ''),
        contentType: fc.constantFrom('application/json', 'text/plain', ''),
        body: fc.oneof(
          userBody.map((body) => JSON.stringify(body)),
          fc.json({ maxDepth: 3 }),
          text,
          fc
            .record({ offsetSeconds: fc.oneof(fc.double(), fc.integer()) })
            .map((body) => JSON.stringify(body)),
        ),
      });
      await fc.assert(
        fc.asyncProperty(request, async (sent) => {
          const before = await users();
          const [method, basePath] = sent.route;
          const path =
            sent.id !== null && basePath.includes(ALICE_ID)
              ? basePath.replace(ALICE_ID, sent.id)
              : `${basePath}${sent.query ?? ''}`;
          const response = await fetch(`${emulator.url}${path}`, {
            method,
            headers: {
              ...(sent.key ? { Authorization: `Bearer ${sent.key}` } : {}),
              ...(sent.contentType ? { 'Content-Type': sent.contentType } : {}),
            },
            ...(method === 'GET' ? {} : { body: sent.body }),
          });
          const answer = await response.text();
          expect(response.status).toBeLessThan(500);
          expect(answer).not.toContain(FUZZ_PASSWORD);
          if (response.status < 400) return;
          const error = (JSON.parse(answer) as { error?: { code?: unknown; message?: unknown } })
            .error;
          if (typeof error === 'string') {
            // The host's own answer: a route or method that does not exist.
            expect([404, 405]).toContain(response.status);
          } else {
            expect([typeof error?.code, typeof error?.message]).toEqual(['string', 'string']);
          }
          expect(await users()).toBe(before);
        }),
        fuzzParameters(process.env, RUNS),
      );
    },
    fuzzTimeoutMs(process.env, 120_000),
  );
});
