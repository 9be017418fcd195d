import { startAzurite, type RunningAzurite } from '@ropc/table-storage/testing';
import {
  EXTERNAL_ALICE,
  EXTERNAL_API_ID,
  EXTERNAL_NOTES_READ,
  EXTERNAL_TENANT,
  SPA_CLIENT_ID,
} from './external-id-sign-in';
import {
  ALICE,
  NOTES_READ,
  TWO_AUTHORITY_TENANT,
  NOTES_WRITE,
  WEB_ORIGIN,
  apiEnv,
  signIn,
  startApi,
  startEmulator,
  storageEnv,
  type Started,
} from './start-stack';

// Run after `npx nx run-many -t build -p b2c-emulator,functions-host,api`. The emulator keeps its
// state in memory here; only the API's state is on Table storage. The emulator serves both
// tenants, so the native-authentication proxy's state (throttles, budgets) is on Table too.

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const section = (number: string): string =>
  `https://www.rfc-editor.org/rfc/rfc9110#section-${number}`;
const storageUnavailable = {
  type: section('15.6.4'),
  title: 'Service Unavailable',
  status: 503,
  detail: 'The API’s storage is unavailable; try again later',
};
const XHR = { 'X-Requested-With': 'XMLHttpRequest', Origin: WEB_ORIGIN };

describe('API state on Table storage (Azurite)', () => {
  let azurite: RunningAzurite | undefined;
  let emulator: Emulator | undefined;
  let api: Started | undefined;
  let token: string;

  function running(): { azurite: RunningAzurite; emulator: Emulator; api: Started } {
    if (!azurite || !emulator || !api) throw new Error('the stack did not start');
    return { azurite, emulator, api };
  }

  /** The API on the running Azurite, with a short storage timeout for the outage tests. */
  function startApiOnAzurite(): Promise<Started> {
    if (!azurite || !emulator) throw new Error('Azurite or the emulator did not start');
    return startApi(
      apiEnv(emulator.url, {
        ...storageEnv(azurite.connectionString, 1500),
        EXTERNAL_ID_AUTHORITY: `${emulator.url}/${EXTERNAL_TENANT}`,
        EXTERNAL_ID_CLIENT_ID: SPA_CLIENT_ID,
        EXTERNAL_ID_API_AUDIENCE: EXTERNAL_API_ID,
      }),
    );
  }

  async function call(
    method: string,
    path: string,
    init: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const { json, form, headers = {} } = init;
    const response = await fetch(`${running().api.url}${path}`, {
      method,
      headers: {
        ...(path.startsWith('/api/notes') ? { Authorization: `Bearer ${token}` } : {}),
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(form === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
        ...headers,
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      ...(form === undefined ? {} : { body: new URLSearchParams(form).toString() }),
    });
    const text = await response.text();
    const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    return { status: response.status, headers: response.headers, body };
  }

  /** A call of the native-auth proxy in cookie mode. */
  const nativeCall = (path: string, form: Record<string, string>): Promise<Answer> =>
    call('POST', `/api/auth/native/${path}`, { headers: XHR, form });

  /**
   * alice's External ID password sign-in through the native proxy: the token call's answer, or
   * the first step's that was not a 200.
   */
  async function nativeSignIn(): Promise<Answer> {
    const challengeType = 'password redirect';
    const initiated = await nativeCall('oauth2/v2.0/initiate', {
      username: EXTERNAL_ALICE.username,
      challenge_type: challengeType,
    });
    if (initiated.status !== 200) return initiated;
    const challenged = await nativeCall('oauth2/v2.0/challenge', {
      continuation_token: String(initiated.body['continuation_token']),
      challenge_type: challengeType,
    });
    if (challenged.status !== 200) return challenged;
    return nativeCall('oauth2/v2.0/token', {
      continuation_token: String(challenged.body['continuation_token']),
      grant_type: 'password',
      password: EXTERNAL_ALICE.password,
      scope: `openid offline_access ${EXTERNAL_NOTES_READ}`,
    });
  }

  const proxySignIn = (): Promise<Answer> =>
    call('POST', '/api/auth/token', {
      headers: XHR,
      form: {
        grant_type: 'password',
        username: ALICE.username,
        password: ALICE.password,
        scope: `openid offline_access ${NOTES_READ}`,
      },
    });

  const titlesOf = (answer: Answer): unknown[] =>
    (answer.body['items'] as { title: string }[]).map((note) => note.title);

  beforeAll(async () => {
    [azurite, emulator] = await Promise.all([
      startAzurite(),
      startEmulator([], TWO_AUTHORITY_TENANT),
    ]);
    api = await startApiOnAzurite();
    const scope = `openid offline_access ${NOTES_READ} ${NOTES_WRITE}`;
    token = String((await signIn(emulator.url, ALICE, scope))['access_token']);
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
    await emulator?.stop();
    await azurite?.stop();
  });

  it('names the storage in its start log, never the account key', () => {
    const { azurite: storage, api: started } = running();
    expect(started.output()).toContain(
      `api: shared state on Azure Table storage at http://127.0.0.1:${storage.port}/devstoreaccount1`,
    );
    const accountKey = /AccountKey=([^;]+)/.exec(storage.connectionString)?.[1] ?? '';
    expect(started.output()).not.toContain(accountKey);
  });

  it('creates, reads, replaces and deletes notes with the ETags of the memory store', async () => {
    const created = await call('POST', '/api/notes', { json: { title: 'On a table', body: 'b' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const id = String(created.body['id']);
    expect(created.headers.get('location')).toBe(`/api/notes/${id}`);

    const read = await call('GET', `/api/notes/${id}`);
    expect({ status: read.status, etag: read.headers.get('etag'), body: read.body }).toEqual({
      status: 200,
      etag: '"1"',
      body: created.body,
    });
    const replaced = await call('PUT', `/api/notes/${id}`, {
      json: { title: 'Replaced' },
      headers: { 'If-Match': '"1"' },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).toBe('"2"');
    expect(replaced.body).toMatchObject({ id, title: 'Replaced', body: '' });
    const stale = await call('PUT', `/api/notes/${id}`, {
      json: { title: 'Stale' },
      headers: { 'If-Match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(titlesOf(await call('GET', '/api/notes'))).toContain('Replaced');

    const deleted = await call('DELETE', `/api/notes/${id}`, { headers: { 'If-Match': '"2"' } });
    expect(deleted.status).toBe(204);
    expect((await call('GET', `/api/notes/${id}`)).status).toBe(404);
  }, 20_000);

  it('keeps the notes across a restart of the API', async () => {
    const created = await call('POST', '/api/notes', { json: { title: 'Survives restarts' } });
    const id = String(created.body['id']);
    await running().api.stop();
    api = undefined;
    api = await startApiOnAzurite();

    const read = await call('GET', `/api/notes/${id}`);
    expect({ status: read.status, etag: read.headers.get('etag'), body: read.body }).toEqual({
      status: 200,
      etag: '"1"',
      body: created.body,
    });
  }, 30_000);

  it('signs alice in at External ID through the native proxy with its state on Table storage', async () => {
    const answer = await nativeSignIn();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer' });
    expect(answer.body['refresh_token']).toBeUndefined();
    expect(answer.headers.get('set-cookie')).toMatch(/^ropc_session=/);
  }, 20_000);

  it('answers 503 with Retry-After while storage does not answer, and recovers by itself', async () => {
    const { azurite: storage } = running();
    expect((await proxySignIn()).status).toBe(200);
    storage.pause();
    let whilePaused: Answer[];
    try {
      whilePaused = [
        await call('GET', '/api/notes'),
        await call('POST', '/api/notes', { json: { title: 'Written while paused' } }),
        await proxySignIn(),
        await nativeSignIn(),
      ];
    } finally {
      storage.resume();
    }
    const [list, create, signInAnswer, nativeAnswer] = whilePaused;
    for (const answer of [list, create]) {
      expect({ status: answer?.status, body: answer?.body }).toEqual({
        status: 503,
        body: storageUnavailable,
      });
      expect(answer?.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(signInAnswer?.status).toBe(503);
    expect(signInAnswer?.body).toEqual({
      error: 'temporarily_unavailable',
      error_description: expect.stringMatching(
        /^The sign-in service is temporarily unavailable\. Please try again in a moment\.\r\n/,
      ) as unknown,
    });
    // The native proxy answers in the native-auth envelope, which MSAL's client parses.
    expect(nativeAnswer?.status).toBe(503);
    expect(nativeAnswer?.body).toMatchObject({
      error: 'temporarily_unavailable',
      error_codes: [],
    });
    expect(typeof nativeAnswer?.body['trace_id']).toBe('string');
    for (const answer of whilePaused) {
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }

    const listed = await call('GET', '/api/notes');
    expect(listed.status).toBe(200);
    expect(titlesOf(listed)).not.toContain('Written while paused');
    const created = await call('POST', '/api/notes', { json: { title: 'Written after' } });
    expect(created.status).toBe(201);
    expect((await proxySignIn()).status).toBe(200);
    expect((await nativeSignIn()).status).toBe(200);
    expect(running().api.output()).toContain(
      'answered 503: state storage is unavailable (read apinotes)',
    );
  }, 30_000);

  it('runs the cleanup timer on demand and logs what it deleted', async () => {
    const response = await fetch(`${running().api.url}/admin/functions/cleanup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: '' }),
    });
    expect(response.status).toBe(202);
    expect(running().api.output()).toMatch(
      /cleanup: deleted \d+ ended sessions, \d+ rate-counter rows, \d+ account budgets and \d+ note tombstones/,
    );
  }, 20_000);
});
