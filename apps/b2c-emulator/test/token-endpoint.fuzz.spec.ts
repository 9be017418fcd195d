// Property-based fuzzing of the token endpoint over real HTTP: methods, URL forms, content types
// and mutated or hostile forms. Whatever a client sends, the answer is no 5xx, a token response or
// B2C's error body, and never the password or refresh token it sent.
import { fuzzParameters, fuzzTimeoutMs } from '@ropc/fuzz-testing';
import fc from 'fast-check';
import { hostileText, mutatedForm, type Form } from './fuzz-forms';
import {
  CLIENT_ID,
  POLICY,
  TENANT,
  aliceSignIn,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';

const RUNS = 300;

/** A valid body changed a little (fuzz-forms.ts). */
const mutate = (base: Form): fc.Arbitrary<string> => mutatedForm(base, ['resource', 'nonce'], 1);

describe('token endpoint fuzz (fast-check, over HTTP)', () => {
  let emulator: RunningEmulator;
  let refreshToken: string;

  beforeAll(async () => {
    emulator = await startEmulator({ flags: ['--trusted-hops', '1'] });
    const signedIn = await postForm(tokenUrl(emulator), aliceSignIn());
    refreshToken = String(signedIn.body['refresh_token']);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  const urls = () => [
    tokenUrl(emulator),
    `${emulator.url}/${TENANT}/oauth2/v2.0/token?p=${POLICY}`,
    `${emulator.url}/tfp/${TENANT}/${POLICY}/oauth2/v2.0/token`,
    `${emulator.url}/${TENANT}/B2C_1_Nope/oauth2/v2.0/token`,
    `${emulator.url}/${TENANT}/oauth2/v2.0/token?p=%FF%00`,
  ];

  it(
    'answers anything a client sends with tokens or a B2C error, never a 5xx or a secret it was sent',
    async () => {
      const password = aliceSignIn({ password: 'Fuzz-Secret-Passw0rd!' });
      const refresh: Form = {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: refreshToken,
        scope: 'openid offline_access',
      };
      const request = fc.record({
        method: fc.constantFrom('POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH'),
        url: fc.integer({ min: 0, max: 4 }),
        contentType: fc.constantFrom(
          'application/x-www-form-urlencoded',
          'application/x-www-form-urlencoded; charset=utf-8',
          'application/json',
          'text/plain',
          'multipart/form-data; boundary=x',
          '',
        ),
        body: fc.oneof(mutate(password), mutate(refresh), hostileText),
        clientIp: fc.ipV4(),
      });
      await fc.assert(
        fc.asyncProperty(request, async (sent) => {
          const withBody = sent.method !== 'GET';
          const response = await fetch(urls()[sent.url] ?? '', {
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
            expect(
              typeof body['access_token'] === 'string' || typeof body['id_token'] === 'string',
            ).toBe(true);
          } else {
            expect(Object.keys(body).sort()).toEqual(['error', 'error_description']);
            expect(String(body['error_description'])).toMatch(/^AADB2C9\d{4}: /u);
            expect(text).not.toContain(refreshToken);
          }
          expect(text).not.toContain('Fuzz-Secret-Passw0rd!');
          expect(response.headers.get('cache-control')).toBe('no-store');
        }),
        fuzzParameters(process.env, RUNS),
      );
    },
    fuzzTimeoutMs(process.env, 120_000),
  );

  it('never writes a password or refresh token it was sent to its log', () => {
    expect(emulator.output()).not.toContain('Fuzz-Secret-Passw0rd!');
    expect(emulator.output()).not.toContain(refreshToken);
  });
});
