// Property-based fuzzing of an External ID tenant's native-authentication endpoints over real
// HTTP: every endpoint in both tenant forms, methods, content types and mutated or hostile forms
// built from MSAL's own bodies. Whatever a client sends, the answer is no 5xx, a success or the
// native-auth error envelope, and never the password, code or token it sent.
import { fuzzParameters, fuzzTimeoutMs } from '@ropc/fuzz-testing';
import { encodeNativeAuthBody } from '@ropc/protocol/native-auth';
import fc from 'fast-check';
import { hostileText, mutatedForm, type Form } from './fuzz-forms';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from './start-emulator';

const RUNS = 300;
const DEFAULT_TENANT_FILE = join(__dirname, '..', 'src', 'tenant', 'default-tenant.json');
const TENANT = 'contosoid.onmicrosoft.com';
const TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
const CLIENT_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
const UNKNOWN_TENANT = 'nobody.onmicrosoft.com';
const SECRET_PASSWORD = 'Fuzz-Secret-Passw0rd!';
const SCOPE = 'openid offline_access api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28/notes.read';

const PATHS = [
  'oauth2/v2.0/initiate',
  'oauth2/v2.0/challenge',
  'oauth2/v2.0/token',
  'oauth2/v2.0/introspect',
  'signup/v1.0/start',
  'signup/v1.0/challenge',
  'signup/v1.0/continue',
  'resetpassword/v1.0/start',
  'resetpassword/v1.0/challenge',
  'resetpassword/v1.0/continue',
  'resetpassword/v1.0/submit',
  'resetpassword/v1.0/poll_completion',
] as const;

/** A valid body changed a little (fuzz-forms.ts). */
const mutate = (base: Form): fc.Arbitrary<string> =>
  mutatedForm(base, ['attributes', 'oob', 'new_password'], 0);

describe('native authentication fuzz (fast-check, over HTTP)', () => {
  let emulator: RunningEmulator;
  let continuationToken: string;

  beforeAll(async () => {
    emulator = await startEmulator({
      tenantFile: DEFAULT_TENANT_FILE,
      flags: ['--trusted-hops', '1'],
    });
    const response = await fetch(`${emulator.url}/${TENANT}/oauth2/v2.0/initiate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: encodeNativeAuthBody({
        client_id: CLIENT_ID,
        username: 'alice@contoso.com',
        challenge_type: 'password oob redirect',
      }),
    });
    continuationToken = String(((await response.json()) as Form)['continuation_token']);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it(
    'answers anything a client sends with a success or the error envelope, never a 5xx or a secret it was sent',
    async () => {
      const bodies: Form[] = [
        {
          client_id: CLIENT_ID,
          username: 'alice@contoso.com',
          challenge_type: 'password oob redirect',
        },
        {
          client_id: CLIENT_ID,
          continuation_token: continuationToken,
          challenge_type: 'password redirect',
        },
        {
          client_id: CLIENT_ID,
          continuation_token: continuationToken,
          grant_type: 'password',
          scope: SCOPE,
          password: SECRET_PASSWORD,
          client_info: '1',
        },
        {
          client_id: CLIENT_ID,
          username: 'fuzz@contoso.com',
          password: SECRET_PASSWORD,
          attributes: '{"displayName":"Fuzz"}',
          challenge_type: 'oob password redirect',
        },
        {
          client_id: CLIENT_ID,
          continuation_token: continuationToken,
          new_password: SECRET_PASSWORD,
        },
      ];
      const request = fc.record({
        method: fc.constantFrom('POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS'),
        path: fc.constantFrom(...PATHS),
        tenant: fc.constantFrom(TENANT, TENANT_ID, UNKNOWN_TENANT),
        contentType: fc.constantFrom(
          'application/x-www-form-urlencoded',
          'application/x-www-form-urlencoded;charset=utf-8',
          'application/json',
          'text/plain',
          '',
        ),
        body: fc.oneof(...bodies.map(mutate), hostileText),
        clientIp: fc.ipV4(),
      });
      await fc.assert(
        fc.asyncProperty(request, async (sent) => {
          const withBody = sent.method !== 'GET';
          const response = await fetch(`${emulator.url}/${sent.tenant}/${sent.path}`, {
            method: sent.method,
            headers: {
              'X-Forwarded-For': sent.clientIp,
              ...(sent.contentType ? { 'Content-Type': sent.contentType } : {}),
            },
            ...(withBody ? { body: sent.body } : {}),
          });
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          const body = JSON.parse(text) as Record<string, unknown>;
          if (response.status === 200) {
            const keys = ['continuation_token', 'challenge_type', 'access_token', 'status'];
            expect(keys.some((key) => typeof body[key] === 'string')).toBe(true);
          } else if (sent.tenant === UNKNOWN_TENANT && sent.path === 'oauth2/v2.0/token') {
            // A path both kinds have: a tenant the emulator does not have gets B2C's answer.
            expect(String(body['error_description'])).toMatch(/^AADB2C9\d{4}: /u);
          } else {
            expect(typeof body['error']).toBe('string');
            expect(String(body['error_description'])).toMatch(/Trace ID: [0-9a-f-]{36}\r\n/u);
            expect(Array.isArray(body['error_codes'])).toBe(true);
            expect(typeof body['trace_id']).toBe('string');
            expect(typeof body['correlation_id']).toBe('string');
            expect(text).not.toContain(continuationToken);
          }
          expect(text).not.toContain(SECRET_PASSWORD);
          expect(response.headers.get('cache-control')).toBe('no-store');
        }),
        fuzzParameters(process.env, RUNS),
      );
    },
    fuzzTimeoutMs(process.env, 120_000),
  );

  it('never writes a password or continuation token it was sent to its log', () => {
    expect(emulator.output()).not.toContain(SECRET_PASSWORD);
    expect(emulator.output()).not.toContain(continuationToken);
  });
});
