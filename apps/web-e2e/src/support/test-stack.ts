import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outbox, type OutboxMessage, type OutboxPurpose } from '@ropc/native-auth-testing';
import { createApiSettings, type ApiWiring } from './api-settings';
import { E2E_TENANT_FILE, POLICY, TENANT_NAME } from './e2e-tenant';
import {
  EXTERNAL_ID_APPS,
  EXTERNAL_ID_TENANT_NAME,
  type ExternalIdSignInMethod,
} from './external-id-tenant';
import { startServiceProcess, type ServiceProcess } from './service-process';
import type { WebRuntimeConfig } from './web-runtime-config';

/** The workspace root, where `dist/` and `test-results/` are. */
export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
const DIST = join(WORKSPACE_ROOT, 'dist');
const EMULATOR_BIN = join(DIST, 'apps', 'b2c-emulator', 'bin.js');
const FUNCTIONS_HOST = join(DIST, 'tools', 'functions-host', 'main.js');
const API_APP = join(DIST, 'apps', 'api');
const WEB_ROOT = join(DIST, 'apps', 'web', 'browser');
const WEB_SERVER = join(WORKSPACE_ROOT, 'tools', 'web-server', 'serve-web.mjs');
const ADMIN_KEY = `e2e-${randomBytes(12).toString('hex')}`;

/** How the stack is wired. */
export interface TestStackOptions {
  /** `permissive` answers cross-origin token requests (direct mode). Default `strict`. */
  readonly cors?: 'strict' | 'permissive';
  /**
   * Served as `/config.json` instead of the built one; a function gets the emulator's token URL.
   */
  readonly runtimeConfig?: (emulatorTokenEndpoint: string) => WebRuntimeConfig;
  /** Extra API settings, e.g. `AUTH_ANONYMOUS_FAILURE_BUDGET` or `AUTH_NATIVE_PASSTHROUGH`. */
  readonly apiEnv?: Readonly<Record<string, string>>;
  /**
   * The External ID client app of the API's native-auth proxy (`EXTERNAL_ID_CLIENT_ID`): the
   * password app (default) or the e-mail code app. A `config.json` for External ID must name it.
   */
  readonly externalIdSignInMethod?: ExternalIdSignInMethod;
}

/** The emulator, the API and the web server, on 127.0.0.1 with ephemeral ports. */
export interface TestStack {
  /** The one origin the browser uses: the web app, with `/api` proxied to the API. */
  readonly webUrl: string;
  /** The emulator's token endpoint for the e2e policy. */
  readonly tokenEndpoint: string;
  /** The emulator itself, `http://127.0.0.1:PORT` (both tenants). */
  readonly emulatorUrl: string;
  /** The API's `B2C_AUTHORITY`, which `/api/me` answers as `authority` for a B2C token. */
  readonly b2cAuthority: string;
  /**
   * The API's `EXTERNAL_ID_AUTHORITY` (`{emulatorUrl}/contosoid.onmicrosoft.com`), which
   * `/api/me` answers as `authority` for an External ID token.
   */
  readonly externalIdAuthority: string;
  /** The API's `EXTERNAL_ID_CLIENT_ID`: the client app the native-auth proxy sends upstream. */
  readonly externalIdClientId: string;
  /**
   * `POST /.emulator/reset`: both tenants' users, refresh tokens, lockouts, flows and the clock as
   * in the tenant file, and the outbox emptied. The API's own state (throttles, budgets) stays.
   */
  resetEmulator(): Promise<void>;
  /** `GET /.emulator/outbox?to=`: the one-time codes sent to `address`, newest first. */
  readCodes(address: string): Promise<OutboxMessage[]>;
  /**
   * The newest code of `purpose` sent to `address` that is not among `seenBefore` (pass what
   * {@link readCodes} answered before a resend to get the new code), waiting up to 5 s for it.
   */
  waitForCode(
    address: string,
    purpose: OutboxPurpose,
    seenBefore?: readonly OutboxMessage[],
  ): Promise<string>;
  /** `POST /.emulator/clock`: moves every time rule of the emulator by `offsetSeconds`. */
  setEmulatorClock(offsetSeconds: number): Promise<void>;
  /** What each part printed so far, by name (`b2c-emulator`, `api`, `web`). */
  output(): Record<string, string>;
  /** Stops all three (SIGTERM, then waits) and removes their temporary files. */
  stop(): Promise<void>;
}

const BUILT_PARTS = [EMULATOR_BIN, FUNCTIONS_HOST, join(API_APP, 'main.js'), WEB_ROOT];

/**
 * Starts the built stack: the emulator with the e2e tenants (B2C and External ID) and an admin
 * key, the API on the local Functions host pointed at both, and the web server in front of the
 * API. Each part gets fresh state (a new data dir, a per-run cookie key) so test files never see
 * each other's sessions.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const missing = BUILT_PARTS.filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `Build the stack first (npx nx e2e web-e2e does): missing ${missing.join(', ')}`,
    );
  }
  const scratch = mkdtempSync(join(tmpdir(), 'web-e2e-'));
  const started: ServiceProcess[] = [];
  const stop = async (): Promise<void> => {
    for (const service of [...started].reverse()) await service.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const emulator = await startEmulator(scratch, options.cors ?? 'strict');
    started.push(emulator);
    const emulatorUrl = `http://127.0.0.1:${emulator.port}`;
    const b2cAuthority = `${emulatorUrl}/${TENANT_NAME}/${POLICY}`;
    const tokenEndpoint = `${b2cAuthority}/oauth2/v2.0/token`;
    const externalIdAuthority = `${emulatorUrl}/${EXTERNAL_ID_TENANT_NAME}`;
    const externalIdClientId =
      EXTERNAL_ID_APPS[options.externalIdSignInMethod ?? 'password'].clientId;
    const webPort = await findFreePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    const api = await startApi({
      b2cAuthority,
      externalIdAuthority,
      externalIdClientId,
      webOrigin: webUrl,
      extra: options.apiEnv ?? {},
    });
    started.push(api);
    let configFile: string | undefined;
    let swaConfigFile: string | undefined;
    if (options.runtimeConfig) {
      const runtimeConfig = options.runtimeConfig(tokenEndpoint);
      configFile = join(scratch, 'config.json');
      writeFileSync(configFile, JSON.stringify(runtimeConfig, null, 2));
      if (runtimeConfig.mode === 'direct') {
        // The browser calls the authority itself: the one origin a direct-mode deployment adds to
        // connect-src, as apps/web/README.md tells.
        swaConfigFile = join(scratch, 'staticwebapp.config.json');
        writeFileSync(swaConfigFile, JSON.stringify(allowConnectionsTo(emulatorUrl), null, 2));
      }
    }
    started.push(
      await startWebServer(webPort, `http://127.0.0.1:${api.port}`, configFile, swaConfigFile),
    );
    const admin = (path: string, body?: unknown): Promise<void> =>
      emulatorAdmin(emulatorUrl, path, body);
    const outbox = new Outbox(emulatorUrl, ADMIN_KEY);
    return {
      webUrl,
      tokenEndpoint,
      emulatorUrl,
      b2cAuthority,
      externalIdAuthority,
      externalIdClientId,
      resetEmulator: () => admin('/.emulator/reset'),
      readCodes: (address) => outbox.read(address),
      // A test here asks for its own flow's code: a newer code of another flow is passed over.
      waitForCode: async (address, purpose, seenBefore) =>
        (await outbox.newCode(address, purpose, seenBefore, { otherPurposes: 'skip' })).code,
      setEmulatorClock: (offsetSeconds) => admin('/.emulator/clock', { offsetSeconds }),
      output: () => Object.fromEntries(started.map((service) => [service.name, service.output()])),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startEmulator(scratch: string, cors: 'strict' | 'permissive'): Promise<ServiceProcess> {
  return startServiceProcess({
    name: 'b2c-emulator',
    args: [
      EMULATOR_BIN,
      ...['--port', '0', '--tenant', E2E_TENANT_FILE, '--data-dir', join(scratch, 'emulator')],
      ...['--admin-key', ADMIN_KEY, '--cors', cors],
    ],
    env: {},
    ready: /on http:\/\/localhost:(\d+)[\s\S]*admin API:/,
  });
}

function startApi(wiring: ApiWiring): Promise<ServiceProcess> {
  return startServiceProcess({
    name: 'api',
    args: [FUNCTIONS_HOST, API_APP, '--port', '0'],
    env: createApiSettings(wiring),
    ready: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  });
}

/** The built app's staticwebapp.config.json with `origin` added to its CSP's connect-src. */
function allowConnectionsTo(origin: string): unknown {
  const config = JSON.parse(readFileSync(join(WEB_ROOT, 'staticwebapp.config.json'), 'utf8')) as {
    globalHeaders: Record<string, string>;
  };
  const csp = config.globalHeaders['Content-Security-Policy'] ?? '';
  if (!csp.includes("connect-src 'self'")) throw new Error(`unexpected CSP: ${csp}`);
  config.globalHeaders['Content-Security-Policy'] = csp.replace(
    "connect-src 'self'",
    `connect-src 'self' ${origin}`,
  );
  return config;
}

function startWebServer(
  port: number,
  apiUrl: string,
  configFile: string | undefined,
  swaConfigFile: string | undefined,
): Promise<ServiceProcess> {
  return startServiceProcess({
    name: 'web',
    args: [
      WEB_SERVER,
      ...['--root', WEB_ROOT, '--api', apiUrl, '--port', String(port), '--host', '127.0.0.1'],
      ...(configFile ? ['--config', configFile] : []),
      ...(swaConfigFile ? ['--swa-config', swaConfigFile] : []),
    ],
    env: {},
    ready: /web listening on http:\/\/127\.0\.0\.1:(\d+)/,
  });
}

/**
 * The API must know the web origin before the web server can know the API's port, so the web
 * port is chosen first. Linux hands out ports for `listen(0)` from 32768–60999
 * (ip_local_port_range): a port below it cannot be taken by the API or the emulator, which listen
 * on port 0 after this port is chosen and released (a port from `listen(0)` could be, and the web
 * server then failed with EADDRINUSE).
 */
const WEB_PORTS = { from: 20_000, to: 32_000 } as const;

/** A port of {@link WEB_PORTS} that nothing listens on now. */
async function findFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = WEB_PORTS.from + Math.floor(Math.random() * (WEB_PORTS.to - WEB_PORTS.from));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${WEB_PORTS.from} and ${WEB_PORTS.to} for the web server`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen(port, '127.0.0.1', () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
}

async function emulatorAdmin(emulatorUrl: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${emulatorUrl}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${ADMIN_KEY}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    throw new Error(`emulator ${path} answered ${response.status}: ${await response.text()}`);
  }
}
