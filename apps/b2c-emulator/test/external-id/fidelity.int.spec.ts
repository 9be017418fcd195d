import {
  NATIVE_AUTH_ENDPOINTS,
  decodeClientInfo,
  encodeNativeAuthBody,
  signInInitiateRequest,
  type NativeAuthEndpoint,
} from '@ropc/protocol/native-auth';
import { startEmulator, type RunningEmulator } from '../start-emulator';
import {
  ALICE,
  EXTERNAL_TENANT_ID,
  FIDELITY_TENANT_FILE,
  NOTES_READ,
  NativeAuthTestClient,
  OTP_APP_TYPES,
  OTP_CLIENT_ID,
  PASSWORD_APP_TYPES,
  SPA_CLIENT_ID,
  errorSummary,
  expectError,
  expectSuccess,
  setClock,
} from './native-auth-client';

/** The paths only native authentication has; the token endpoint is every OpenID client's too. */
const NATIVE_ONLY = (Object.keys(NATIVE_AUTH_ENDPOINTS) as NativeAuthEndpoint[]).filter(
  (endpoint) => endpoint !== 'token',
);

/**
 * The fixture turns every fidelity switch away from its default: no tenant-id paths, no OpenID
 * scopes added to API-only scopes, padded standard base64 client_info, the resend interval
 * enforced. Its per-IP limit is 40 requests per 300 s, and the emulator trusts no proxy hop.
 */
describe('External ID native authentication: fidelity switches', () => {
  let emulator: RunningEmulator;
  let client: NativeAuthTestClient;
  let counter = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ tenantFile: FIDELITY_TENANT_FILE });
    client = new NativeAuthTestClient(emulator);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  afterEach(async () => {
    await setClock(emulator, 0);
  });

  it.each(NATIVE_ONLY)(
    'tenantIdPaths off: %s answers an empty 404 on the tenant-id path form',
    async (endpoint) => {
      const response = await fetch(client.url(endpoint, EXTERNAL_TENANT_ID), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: encodeNativeAuthBody(
          signInInitiateRequest(SPA_CLIENT_ID, {
            username: ALICE.username,
            challengeTypes: PASSWORD_APP_TYPES,
          }),
        ),
      });
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('');
    },
  );

  it('tenantIdPaths off: the token endpoint still answers on the tenant-id form its discovery document names', async () => {
    const response = await fetch(client.url('token', EXTERNAL_TENANT_ID), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: encodeNativeAuthBody({ client_id: SPA_CLIENT_ID }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error_codes: number[] }).error_codes).toEqual([900144]);
  });

  it('tenantIdPaths off: the domain form signs in as usual', async () => {
    await client.signInWithPassword(SPA_CLIENT_ID, ALICE.username, ALICE.password);
  });

  it('clientInfoEncoding base64: client_info is padded standard base64 of {uid, utid}', async () => {
    const body = await client.signInWithPassword(SPA_CLIENT_ID, ALICE.username, ALICE.password, [
      'openid',
      'profile',
      'offline_access',
      NOTES_READ,
    ]);
    const json = JSON.stringify({ uid: ALICE.id, utid: EXTERNAL_TENANT_ID });
    expect(body.client_info).toBe(Buffer.from(json, 'utf8').toString('base64'));
    expect(body.client_info).toMatch(/^[A-Za-z0-9+/]+={1,2}$/);
    expect(body.client_info.length % 4).toBe(0);
    expect(decodeClientInfo(body.client_info)).toEqual({
      uid: ALICE.id,
      utid: EXTERNAL_TENANT_ID,
    });
  });

  it('enforceResendInterval on: a second sign-up code within 300 s is refused; after 300 s it is sent and replaces the first', async () => {
    const username = `frank-${String(++counter)}@contoso.com`;
    const { token, code: first } = await client.signUpToCode(SPA_CLIENT_ID, username, {
      password: 'Sign-Up-Passw0rd!',
      attributes: { displayName: 'Frank' },
    });
    const early = expectError(await client.signUpChallenge(SPA_CLIENT_ID, token));
    expect(errorSummary(early)).toEqual({
      status: 400,
      error: 'invalid_request',
      codes: [],
      kind: 'other',
    });
    expect(await client.latestCode(username, 'sign-up')).toBe(first);
    await setClock(emulator, 299);
    expect(expectError(await client.signUpChallenge(SPA_CLIENT_ID, token)).error.error).toBe(
      'invalid_request',
    );
    await setClock(emulator, 301);
    const resent = expectSuccess(await client.signUpChallenge(SPA_CLIENT_ID, token));
    expect(resent).toMatchObject({ challenge_type: 'oob', interval: 300 });
    const second = await client.latestCode(username, 'sign-up');
    expect(second).not.toBe(first);
    expect(
      expectError(await client.signUpContinueCode(SPA_CLIENT_ID, resent.continuation_token, first))
        .kind,
    ).toBe('invalid_code');
    expectSuccess(
      await client.signUpContinueCode(SPA_CLIENT_ID, resent.continuation_token, second),
    );
  });

  it('a user flow with sign-up off answers invalid_request at start', async () => {
    const read = expectError(
      await client.signUpStart(OTP_CLIENT_ID, 'gina@contoso.com', { types: OTP_APP_TYPES }),
    );
    expect(errorSummary(read)).toEqual({
      status: 400,
      error: 'invalid_request',
      codes: [],
      kind: 'other',
    });
    expect(read.error.description).toContain('Sign-up is not enabled');
  });

  // Last: it spends this emulator's per-IP budget.
  it('without --trusted-hops, X-Forwarded-For does not tell clients apart: varying it still meets the one limit', async () => {
    const fromAddress = (index: number) =>
      new NativeAuthTestClient(emulator, undefined, {
        'X-Forwarded-For': `198.51.100.${String(index)}`,
      });
    const statuses: number[] = [];
    for (let index = 0; index < 41 && !statuses.includes(429); index++)
      statuses.push(
        (await fromAddress(index).initiate(SPA_CLIENT_ID, 'nobody@contoso.com', PASSWORD_APP_TYPES))
          .status,
      );
    expect(statuses).toContain(429);
    const spoofed = await fromAddress(99).initiate(
      SPA_CLIENT_ID,
      ALICE.username,
      PASSWORD_APP_TYPES,
    );
    expect(spoofed.status).toBe(429);
    expect(expectError(spoofed).kind).toBe('throttled');
  });

  it('never writes a password, code or token to its output', () => {
    expect(client.leakedSecrets()).toEqual([]);
  });
});
