import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerServedDocument, unregisterOrigin } from '@ropc/openapi-testing';

/** The local Functions host's own admin API (`POST /admin/functions/{timer}`) is not the app's. */
const HOST_ADMIN = { ignore: (path: string) => path.startsWith('/admin/') };

const DIST = join(__dirname, '..', '..', '..', 'dist');
const EMULATOR_BIN = join(DIST, 'apps', 'b2c-emulator', 'bin.js');
const FUNCTIONS_HOST = join(DIST, 'tools', 'functions-host', 'main.js');
const API_APP = join(DIST, 'apps', 'api');

/** The default contoso tenant plus a second user flow, `B2C_1_Other`. */
export const API_TEST_TENANT = join(__dirname, 'fixtures', 'api-test-tenant.json');
/**
 * The emulator's default tenant file: the B2C tenant `contoso` and the Entra External ID tenant
 * `contosoid` (external-id-sign-in.ts).
 */
export const TWO_AUTHORITY_TENANT = join(__dirname, 'fixtures', 'two-authority-tenant.json');
export const TENANT = 'contoso.onmicrosoft.com';
export const POLICY = 'B2C_1_ROPC_Auth';
export const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
export const API_APP_ID = '0e842314-a3f9-451e-a34c-f22568d6db61';
export const NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';
export const NOTES_WRITE = 'https://contoso.onmicrosoft.com/api/notes.write';
export const ADMIN_KEY = 'api-test-admin-key';
export const ALICE = {
  username: 'alice@contoso.com',
  password: 'Alice-Passw0rd!',
  oid: '26926d34-dad3-45bb-8bff-84a5f01522d9',
};
export const BOB = {
  username: 'bob@contoso.com',
  password: 'Bob-Passw0rd!',
  oid: '35b106c3-2988-4419-8766-0f839dd276bc',
};
export const WEB_ORIGIN = 'http://localhost:4200';
/** A 32-byte test key (base64), never used outside tests. */
export const COOKIE_KEYS = 'test-1:dGVzdC1vbmx5LWNvb2tpZS1rZXktMzItYnl0ZXMhISE=';

/** A spawned process that printed a URL when it was ready. */
export interface Started {
  readonly url: string;
  output(): string;
  stop(): Promise<void>;
  /** SIGSTOP / SIGCONT: makes it unreachable without losing its state. */
  pause(): void;
  resume(): void;
}

/**
 * Spawns `node args`; resolves once `ready` matches its output, with the port `portPattern` finds.
 */
function startProcess(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  portPattern: RegExp,
): Promise<Started> {
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const append = (chunk: Buffer): void => {
    printed += chunk.toString('utf8');
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`did not start:\n${printed}`));
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)}:\n${printed}`));
    });
    child.stdout?.on('data', () => {
      const port = portPattern.exec(printed)?.[1];
      if (!ready.test(printed) || port === undefined) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${port}`,
        output: () => printed,
        pause: () => child.kill('SIGSTOP'),
        resume: () => child.kill('SIGCONT'),
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((done) => child.once('exit', done));
          child.kill('SIGCONT');
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/**
 * Starts the built emulator with an admin key on `tenantFile` (default: the api test tenant);
 * `extraFlags` as its bin takes them, `env` added to its environment.
 */
export async function startEmulator(
  extraFlags: string[] = [],
  tenantFile: string = API_TEST_TENANT,
  env: Record<string, string> = {},
): Promise<Started & { admin(method: string, path: string, body?: unknown): Promise<Response> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'api-test-emulator-'));
  const started = await startProcess(
    [
      EMULATOR_BIN,
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--admin-key',
      ADMIN_KEY,
      '--tenant',
      tenantFile,
      ...extraFlags,
    ],
    env,
    /admin API:/,
    /on http:\/\/localhost:(\d+)/,
  );
  const port = /on http:\/\/localhost:(\d+)/.exec(started.output())?.[1] ?? '';
  const url = `http://127.0.0.1:${port}`;
  // Its answers are checked against the document it serves (test/openapi-validation.setup.ts).
  await registerServedDocument(url, '/.emulator/openapi.json', HOST_ADMIN);
  return {
    ...started,
    url,
    stop: async () => {
      unregisterOrigin(url);
      await started.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    admin: (method, path, body) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${ADMIN_KEY}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

/** The API's environment for an emulator at `emulatorUrl`. */
export function apiEnv(
  emulatorUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    B2C_AUTHORITY: `${emulatorUrl}/${TENANT}/${POLICY}`,
    B2C_CLIENT_ID: CLIENT_ID,
    API_AUDIENCE: API_APP_ID,
    AUTH_ALLOWED_ORIGINS: WEB_ORIGIN,
    AUTH_COOKIE_KEYS: COOKIE_KEYS,
    ...extra,
  };
}

/**
 * The API's settings for keeping its state on Table storage (Azurite in tests): add them to
 * {@link apiEnv}'s `extra`. Without them the API keeps its state in memory.
 */
export function storageEnv(connectionString: string, timeoutMs?: number): Record<string, string> {
  return {
    STORAGE_CONNECTION_STRING: connectionString,
    ...(timeoutMs === undefined ? {} : { STORAGE_TIMEOUT_MS: String(timeoutMs) }),
  };
}

/** Starts the built API on the local Functions host. */
export async function startApi(env: Record<string, string>): Promise<Started> {
  const listening = /listening on http:\/\/127\.0\.0\.1:(\d+)/;
  const api = await startProcess(
    [FUNCTIONS_HOST, API_APP, '--port', '0'],
    env,
    listening,
    listening,
  );
  // Its answers are checked against the document it serves (test/openapi-validation.setup.ts).
  await registerServedDocument(api.url, '/api/openapi.json', HOST_ADMIN);
  return {
    ...api,
    stop: async () => {
      unregisterOrigin(api.url);
      await api.stop();
    },
  };
}

/**
 * A password grant at the emulator for `user` with the notes scopes; returns the token response.
 */
export async function signIn(
  emulatorUrl: string,
  user: { username: string; password: string },
  scope = `openid offline_access ${NOTES_READ} ${NOTES_WRITE}`,
  policy = POLICY,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulatorUrl}/${TENANT}/${policy}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: CLIENT_ID,
      username: user.username,
      password: user.password,
      scope,
      response_type: 'token id_token',
    }).toString(),
  });
  if (response.status !== 200)
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}
