import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type RunningAzurite } from '@ropc/table-storage/testing';
import { startRoundRobinBalancer, type RoundRobinBalancer } from './round-robin-balancer';
import { freePort, startServiceProcess, type ServiceProcess } from './service-process';

const DIST = join(__dirname, '..', '..', '..', '..', 'dist');
const EMULATOR_BIN = join(DIST, 'apps', 'b2c-emulator', 'bin.js');
const FUNCTIONS_HOST = join(DIST, 'tools', 'functions-host', 'main.js');
const API_APP = join(DIST, 'apps', 'api');

/**
 * The tenant file every emulator instance loads: a copy of the emulator's default file, the B2C
 * tenant contoso and the External ID tenant contosoid.
 */
export const TENANT_FILE = join(
  __dirname,
  '..',
  '..',
  'fixtures',
  'scale-out-two-kind-tenant.json',
);
export const TENANT = 'contoso.onmicrosoft.com';
export const POLICY = 'B2C_1_ROPC_Auth';
export const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
export const API_APP_ID = '0e842314-a3f9-451e-a34c-f22568d6db61';
export const NOTES_SCOPES =
  'https://contoso.onmicrosoft.com/api/notes.read https://contoso.onmicrosoft.com/api/notes.write';
export const ADMIN_KEY = 'scale-out-admin-key';
export const WEB_ORIGIN = 'http://localhost:4200';
export const ALICE = { username: 'alice@contoso.com', password: 'Alice-Passw0rd!' };
export const BOB = { username: 'bob@contoso.com', password: 'Bob-Passw0rd!' };
/** A 32-byte key (base64) for the proxy's session cookie, used only by these tests. */
const COOKIE_KEYS = 'scale-1:c2NhbGUtb3V0LXRlc3Qtb25seS1jb29raWUta2V5ISE=';

/** One app instance: its own URL, its output, and a way to stop and start it again. */
export interface Instance {
  readonly url: string;
  output(): string;
  stop(): Promise<void>;
  /** kill -9, as a crashed host: nothing shuts down, requests in flight are cut. */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same settings (a restart, or after a kill). */
  restart(): Promise<void>;
}

/** Everything of a scaled-out deployment on one storage account. */
export interface ScaleOutStack {
  readonly azurite: RunningAzurite;
  /** The public URL of the emulator (B2C_EMULATOR_PUBLIC_URL), spreading over its instances. */
  readonly authority: RoundRobinBalancer;
  readonly emulators: readonly [Instance, Instance];
  readonly apis: readonly [Instance, Instance];
  /**
   * The browser's origin for the API (Static Web Apps' front end), spreading over its instances.
   */
  readonly frontEnd: RoundRobinBalancer;
  stop(): Promise<void>;
}

/** Options: STORAGE_TIMEOUT_MS for every app (short in fault tests). */
export interface ScaleOutOptions {
  readonly storageTimeoutMs?: number;
}

/**
 * Starts Azurite, two emulator instances behind one public URL and two API instances, all with
 * STORAGE_CONNECTION_STRING pointing at that one Azurite, as two Function apps scaled out to two
 * instances each would run in Azure.
 */
export async function startScaleOutStack(options: ScaleOutOptions = {}): Promise<ScaleOutStack> {
  const azurite = await startAzurite();
  const authority = await startRoundRobinBalancer();
  const frontEnd = await startRoundRobinBalancer();
  const started: Instance[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(started.map((instance) => instance.stop()));
    await Promise.all([authority.close(), frontEnd.close()]);
    await azurite.stop();
  };
  const launch = async (plan: (port: number, dataDir: string) => LaunchPlan): Promise<Instance> => {
    const instance = await startInstance(plan);
    started.push(instance);
    return instance;
  };
  const storage: Record<string, string> = {
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    ...(options.storageTimeoutMs ? { STORAGE_TIMEOUT_MS: String(options.storageTimeoutMs) } : {}),
  };
  try {
    const emulatorEnv = { ...storage, B2C_EMULATOR_QUIET: '1' };
    const emulators = await Promise.all(
      [0, 1].map(() =>
        launch((port, dataDir) => ({
          args: [
            EMULATOR_BIN,
            ...['--port', String(port), '--public-url', authority.url, '--tenant', TENANT_FILE],
            ...['--data-dir', dataDir, '--admin-key', ADMIN_KEY],
          ],
          env: emulatorEnv,
          ready: /admin API:/u,
        })),
      ),
    );
    authority.setTargets(emulators.map((emulator) => emulator.url));
    const apiEnv = {
      ...storage,
      B2C_AUTHORITY: `${authority.url}/${TENANT}/${POLICY}`,
      B2C_CLIENT_ID: CLIENT_ID,
      API_AUDIENCE: API_APP_ID,
      AUTH_ALLOWED_ORIGINS: WEB_ORIGIN,
      AUTH_COOKIE_KEYS: COOKIE_KEYS,
      // X-Forwarded-For names the browser, as behind the web origin.
      AUTH_TRUSTED_HOPS: '1',
    };
    const apis = await Promise.all(
      [0, 1].map(() =>
        launch((port) => ({
          args: [FUNCTIONS_HOST, API_APP, '--port', String(port)],
          env: apiEnv,
          ready: /listening on http:\/\/127\.0\.0\.1:\d+/u,
        })),
      ),
    );
    frontEnd.setTargets(apis.map((api) => api.url));
    return {
      azurite,
      authority,
      emulators: [emulators[0] as Instance, emulators[1] as Instance],
      apis: [apis[0] as Instance, apis[1] as Instance],
      frontEnd,
      stop: stopAll,
    };
  } catch (error) {
    // Nothing outlives a failed start: the processes that did start are stopped.
    await stopAll();
    throw error;
  }
}

interface LaunchPlan {
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly ready: RegExp;
}

/**
 * Starts an app on a free port with its own, empty data directory (so that nothing is shared
 * through files: keys and state come from storage); restartable in place, and the directory is
 * removed on stop.
 */
async function startInstance(
  plan: (port: number, dataDir: string) => LaunchPlan,
): Promise<Instance> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'scale-out-'));
  const { args, env, ready } = plan(port, dataDir);
  let running: ServiceProcess = await startServiceProcess(args, env, port, ready);
  let earlierOutput = '';
  return {
    url: running.url,
    output: () => earlierOutput + running.output(),
    stop: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => running.kill(),
    restart: async () => {
      await running.stop();
      earlierOutput += running.output();
      running = await startServiceProcess(args, env, port, ready);
    },
  };
}

/** POSTs a form; the answer's status, headers and JSON body. */
export async function postForm(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** The token endpoint of the user flow at `base` (an instance, or the public URL). */
export function tokenUrl(base: string): string {
  return `${base}/${TENANT}/${POLICY}/oauth2/v2.0/token`;
}

/** The password-grant form for `user` with the notes scopes. */
export function passwordForm(user: { username: string; password: string }): Record<string, string> {
  return {
    grant_type: 'password',
    client_id: CLIENT_ID,
    username: user.username,
    password: user.password,
    scope: `openid offline_access ${NOTES_SCOPES}`,
    response_type: 'token id_token',
  };
}

/** The refresh-grant form. */
export function refreshForm(refreshToken: string): Record<string, string> {
  return {
    grant_type: 'refresh_token',
    client_id: CLIENT_ID,
    refresh_token: refreshToken,
    scope: `openid offline_access ${NOTES_SCOPES}`,
  };
}

/** The first 11 characters of a B2C error description: its AADB2C code. */
export function b2cCode(body: Record<string, unknown>): string {
  return String(body['error_description']).slice(0, 11);
}
