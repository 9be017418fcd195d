import {
  NATIVE_AUTH_ENDPOINTS,
  encodeNativeAuthBody,
  signInInitiateRequest,
  type NativeAuthEndpoint,
} from '@ropc/protocol/native-auth';
import { randomUUID } from 'node:crypto';
import {
  CLIENT_ID as B2C_CLIENT_ID,
  TENANT as B2C_TENANT,
  startEmulator,
  type RunningEmulator,
} from '../start-emulator';
import {
  ALICE,
  CAROL,
  EXTERNAL_ID_TENANT_FILE,
  EXTERNAL_TENANT,
  GUID,
  NOTES_API_ID,
  NativeAuthTestClient,
  OTP_CLIENT_ID,
  PASSWORD_APP_TYPES,
  SPA_CLIENT_ID,
  errorSummary,
  expectError,
  expectSuccess,
} from './native-auth-client';

const ENDPOINTS = Object.keys(NATIVE_AUTH_ENDPOINTS) as NativeAuthEndpoint[];
/** Every endpoint but the token endpoint, whose path the B2C kind shares. */
const NATIVE_ONLY = ENDPOINTS.filter((endpoint) => endpoint !== 'token');

/** What MSAL's custom-auth client sends besides Content-Type: each needs the preflight's leave. */
const MSAL_HEADERS = [
  'Content-Type',
  'client-request-id',
  'x-client-SKU',
  'x-client-VER',
  'x-client-OS',
  'x-client-CPU',
  'x-client-current-telemetry',
  'x-client-last-telemetry',
];
const APP_ORIGIN = 'http://localhost:4200';

const initiateBody = (clientId: string = SPA_CLIENT_ID) =>
  signInInitiateRequest(clientId, { username: ALICE.username, challengeTypes: PASSWORD_APP_TYPES });

const corsHeaders = (headers: Headers): string[] =>
  [...headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('External ID native authentication: what every endpoint shares', () => {
  let emulator: RunningEmulator;
  let client: NativeAuthTestClient;

  beforeAll(async () => {
    emulator = await startEmulator({ tenantFile: EXTERNAL_ID_TENANT_FILE });
    client = new NativeAuthTestClient(emulator);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it.each(ENDPOINTS)(
    '%s answers anything but POST with invalid_request (900561)',
    async (endpoint) => {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const read = expectError(await client.send(endpoint, { method }));
        expect(errorSummary(read)).toEqual({
          status: 400,
          error: 'invalid_request',
          codes: [900561],
          kind: 'other',
        });
      }
    },
  );

  it.each(ENDPOINTS)('%s refuses a JSON body with invalid_request', async (endpoint) => {
    const read = expectError(
      await client.send(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(initiateBody()),
      }),
    );
    expect(errorSummary(read)).toEqual({
      status: 400,
      error: 'invalid_request',
      codes: [],
      kind: 'other',
    });
    expect(read.error.description).toContain('Content-Type');
  });

  it.each(ENDPOINTS)('%s answers invalid_request 900144 without client_id', async (endpoint) => {
    const read = expectError(await client.call(endpoint, { username: ALICE.username }));
    expect(errorSummary(read)).toMatchObject({ error: 'invalid_request', codes: [900144] });
    expect(read.error.description).toContain("'client_id'");
  });

  it.each(ENDPOINTS)(
    '%s answers unauthorized_client (700016) for a client id the tenant does not have',
    async (endpoint) => {
      for (const clientId of [randomUUID(), 'not-a-guid', B2C_CLIENT_ID]) {
        const read = expectError(await client.call(endpoint, initiateBody(clientId)));
        expect(errorSummary(read)).toEqual({
          status: 400,
          error: 'unauthorized_client',
          codes: [700016],
          kind: 'other',
        });
      }
    },
  );

  it.each(ENDPOINTS)(
    '%s answers invalid_client/nativeauthapi_disabled for the API registration',
    async (endpoint) => {
      const read = expectError(await client.call(endpoint, initiateBody(NOTES_API_ID)));
      expect(errorSummary(read)).toEqual({
        status: 400,
        error: 'invalid_client',
        suberror: 'nativeauthapi_disabled',
        codes: [],
        kind: 'other',
      });
    },
  );

  it.each(NATIVE_ONLY)(
    '%s answers invalid_request 90002 for a tenant the emulator does not have, or one of another kind',
    async (endpoint) => {
      for (const tenant of ['fabrikam.onmicrosoft.com', randomUUID(), B2C_TENANT]) {
        const read = expectError(await client.call(endpoint, initiateBody(), { tenant }));
        expect(errorSummary(read)).toEqual({
          status: 400,
          error: 'invalid_request',
          codes: [90002],
          kind: 'other',
        });
        expect(read.error.description).toContain(`Tenant '${tenant}' not found.`);
      }
    },
  );

  it('reads a form posted with a charset parameter, as browsers send URLSearchParams', async () => {
    expectSuccess(
      await client.send('signInInitiate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: encodeNativeAuthBody(initiateBody()),
      }),
    );
  });

  it('reads a body of 16 KiB and refuses one byte more', async () => {
    const padding = (bytes: number): string => {
      const head = encodeNativeAuthBody({ ...initiateBody(), padding: '' });
      return 'p'.repeat(bytes - head.length);
    };
    const atLimit = encodeNativeAuthBody({ ...initiateBody(), padding: padding(16 * 1024) });
    expect(Buffer.byteLength(atLimit)).toBe(16 * 1024);
    const send = (body: string) =>
      client.send('signInInitiate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      });
    expectSuccess(await send(atLimit));
    const over = expectError(await send(`${atLimit}p`));
    expect(errorSummary(over)).toMatchObject({ status: 400, error: 'invalid_request', codes: [] });
    expect(over.error.description).toContain('larger than 16384 bytes');
    const huge = expectError(await send(`${atLimit}${'p'.repeat(100_000)}`));
    expect(huge.error.error).toBe('invalid_request');
  });

  it('refuses a repeated parameter and a body that is not UTF-8', async () => {
    const repeated = expectError(
      await client.send('signInInitiate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `${encodeNativeAuthBody(initiateBody())}&username=bob%40contoso.com`,
      }),
    );
    expect(errorSummary(repeated)).toMatchObject({ error: 'invalid_request', codes: [] });
    expect(repeated.error.description).toContain("'username'");
    const invalid = expectError(
      await client.send('signInInitiate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `${encodeNativeAuthBody(initiateBody())}&x=%FF%FE`,
      }),
    );
    expect(invalid.error.error).toBe('invalid_request');
  });

  it('every error body has the whole envelope; correlation_id echoes client-request-id, trace_id is x-ms-request-id', async () => {
    const correlationId = randomUUID();
    const reply = await client.initiate(SPA_CLIENT_ID, 'nobody@contoso.com', PASSWORD_APP_TYPES);
    const read = expectError(reply);
    expect(Object.keys(read.json)).toEqual([
      'error',
      'error_description',
      'error_codes',
      'timestamp',
      'trace_id',
      'correlation_id',
    ]);
    const lines = String(read.json['error_description']).split('\r\n');
    expect(lines).toEqual([
      expect.stringMatching(/^AADSTS50034: /),
      `Trace ID: ${String(read.json['trace_id'])}`,
      `Correlation ID: ${String(read.json['correlation_id'])}`,
      `Timestamp: ${String(read.json['timestamp'])}`,
    ]);
    const echoed = expectError(
      await client.call(
        'signInInitiate',
        signInInitiateRequest(SPA_CLIENT_ID, {
          username: 'nobody@contoso.com',
          challengeTypes: PASSWORD_APP_TYPES,
        }),
        { headers: { 'client-request-id': correlationId } },
      ),
    );
    expect(echoed.json['correlation_id']).toBe(correlationId);
    expect(echoed.json['trace_id']).not.toBe(read.json['trace_id']);
  });

  it('answers Cache-Control: no-store and a fresh x-ms-request-id on successes too', async () => {
    const first = await client.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES);
    const second = await client.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES);
    for (const reply of [first, second]) {
      expectSuccess(reply);
      expect(reply.headers.get('cache-control')).toBe('no-store');
      expect(reply.headers.get('pragma')).toBe('no-cache');
      expect(reply.headers.get('x-ms-request-id')).toMatch(GUID);
      expect(reply.outcome.requestId).toBe(reply.headers.get('x-ms-request-id'));
    }
    expect(first.headers.get('x-ms-request-id')).not.toBe(second.headers.get('x-ms-request-id'));
  });

  describe('CORS in the default strict mode', () => {
    it('answers a preflight and a cross-origin POST without any CORS header', async () => {
      const preflight = await fetch(client.url('signInInitiate'), {
        method: 'OPTIONS',
        headers: {
          Origin: APP_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': MSAL_HEADERS.join(', '),
        },
      });
      await preflight.arrayBuffer();
      expect(preflight.status).not.toBe(204);
      expect(corsHeaders(preflight.headers)).toEqual([]);
      const post = await client.initiate(SPA_CLIENT_ID, ALICE.username, PASSWORD_APP_TYPES);
      const crossOrigin = await client.call('signInInitiate', initiateBody(), {
        headers: { Origin: APP_ORIGIN },
      });
      expectSuccess(post);
      expectSuccess(crossOrigin);
      expect(corsHeaders(crossOrigin.headers)).toEqual([]);
    });

    it('answers discovery and keys to any origin, as the service does', async () => {
      for (const path of ['v2.0/.well-known/openid-configuration', 'discovery/v2.0/keys']) {
        const response = await fetch(`${emulator.url}/${EXTERNAL_TENANT}/${path}`, {
          headers: { Origin: APP_ORIGIN },
        });
        await response.arrayBuffer();
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
      }
    });
  });

  it('never writes a password, code or token to its output (codes are not logged by default)', async () => {
    const { token, code } = await client.codeChallenge(OTP_CLIENT_ID, CAROL.username);
    expectSuccess(await client.oobGrant(OTP_CLIENT_ID, token, code));
    await client.signInWithPassword(SPA_CLIENT_ID, ALICE.username, ALICE.password);
    expect(client.secrets.has(code)).toBe(true);
    expect(client.leakedSecrets()).toEqual([]);
  });
});

describe('External ID native authentication with --cors permissive --log-codes on', () => {
  let emulator: RunningEmulator;
  let client: NativeAuthTestClient;

  beforeAll(async () => {
    emulator = await startEmulator({
      tenantFile: EXTERNAL_ID_TENANT_FILE,
      flags: ['--cors', 'permissive', '--log-codes', 'on'],
    });
    client = new NativeAuthTestClient(emulator);
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it.each(ENDPOINTS)(
    "%s answers a preflight with MSAL's headers: 204 allowing them all",
    async (endpoint) => {
      const response = await fetch(client.url(endpoint), {
        method: 'OPTIONS',
        headers: {
          Origin: APP_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': MSAL_HEADERS.map((name) => name.toLowerCase()).join(
            ',',
          ),
        },
      });
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
      expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      const methods = (response.headers.get('access-control-allow-methods') ?? '').split(/,\s*/);
      expect(methods).toContain('POST');
      const allowed = (response.headers.get('access-control-allow-headers') ?? '')
        .split(/,\s*/)
        .map((name) => name.toLowerCase());
      for (const name of MSAL_HEADERS) expect(allowed).toContain(name.toLowerCase());
    },
  );

  it('answers a cross-origin POST, success or error, with Access-Control-Allow-Origin and x-ms-request-id exposed', async () => {
    const origin = { headers: { Origin: APP_ORIGIN } };
    const success = await client.call('signInInitiate', initiateBody(), origin);
    const error = await client.call(
      'signInInitiate',
      signInInitiateRequest(SPA_CLIENT_ID, {
        username: 'nobody@contoso.com',
        challengeTypes: PASSWORD_APP_TYPES,
      }),
      origin,
    );
    expectSuccess(success);
    expectError(error);
    for (const reply of [success, error]) {
      expect(reply.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      const exposed = (reply.headers.get('access-control-expose-headers') ?? '')
        .split(/,\s*/)
        .map((name) => name.toLowerCase());
      expect(exposed).toContain('x-ms-request-id');
    }
    // Without Origin (not a browser), no CORS headers.
    const plain = await client.call('signInInitiate', initiateBody());
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('writes one-time codes to its output with --log-codes on, and still no password or token', async () => {
    const { token, code } = await client.codeChallenge(OTP_CLIENT_ID, CAROL.username);
    expectSuccess(await client.oobGrant(OTP_CLIENT_ID, token, code));
    await client.signInWithPassword(SPA_CLIENT_ID, ALICE.username, ALICE.password);
    expect(emulator.output()).toContain(`one-time code ${code} for ${CAROL.username} (sign-in)`);
    const codes = (await client.outbox(CAROL.username)).map((message) => message.code);
    expect(client.leakedSecrets().filter((secret) => !codes.includes(secret))).toEqual([]);
  });
});
