#!/usr/bin/env node
// @ts-check
// `npm start`: builds and starts every part of the product that exists — the B2C emulator, the API
// and the web client — on the ports of docs/architecture.md, then prints the URLs and the demo
// credentials. Ctrl+C stops them all.
//
// `npm start -- --azurite` keeps the state of the emulator and the API in Azurite (Table storage,
// on disk under .azurite/, port 10002; AZURITE_LOCATION and AZURITE_TABLE_PORT change them)
// instead of in memory, as several Function instances in Azure would share one Storage account.
// STORAGE_CONNECTION_STRING in the environment (a real account, or an Azurite already running) is
// passed to both apps as it is.
//
// Stopping (Ctrl+C, SIGINT or SIGTERM) stops the apps first, then Azurite the way it saves its
// data (SIGINT: it writes its database to disk and closes), and waits for every process: a write
// acknowledged before Ctrl+C is there after the next start.
//
// `npm start -- --authority external-id [--sign-in-method password|email-otp]` points the web
// client at the Entra External ID tenant instead of B2C (the default): the web server serves a
// generated config.json (a temporary file) naming the client app of that sign-in method, and the
// API's native-auth proxy uses the same app (EXTERNAL_ID_CLIENT_ID), as it must. The API always
// gets both authorities' settings, so it accepts tokens of either.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  B2C_POLICY,
  B2C_TENANT,
  chooseExternalIdApp,
  EXTERNAL_ID_TENANT,
} from './default-tenant.mjs';
import { createExternalIdWebConfig, writeTemporaryWebConfig } from './external-id-web-config.mjs';
import { readyBanner } from './ready-banner.mjs';
import { parseStartOptions, StartOptionsError } from './start-options.mjs';

/** @import { ChildProcess } from 'node:child_process' */

/**
 * A process of the stack.
 * @typedef {object} Service
 * @property {string} name
 * @property {string} project The folder that must exist for the service to start.
 * @property {string[]} [build] The Nx projects it needs built (default: the one named `name`).
 * @property {string[]} command Node's arguments.
 * @property {() => NodeJS.ProcessEnv} [env] Its environment (default: this process's).
 * @property {string} ready A URL that answers once it is ready.
 * @property {boolean} [readyOnAnyAnswer] Whether any HTTP answer means ready, not only a 2xx.
 */

const root = join(import.meta.dirname, '..', '..');
const options = readStartOptions();
const useAzurite = options.azurite;
const azuritePort = process.env.AZURITE_TABLE_PORT ?? '10002';
/** Azurite's well-known development account and key (public, for the emulator only). */
const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const azuriteConnectionString =
  azuritePort === '10002'
    ? 'UseDevelopmentStorage=true'
    : `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};TableEndpoint=http://127.0.0.1:${azuritePort}/devstoreaccount1;`;
const env = useAzurite
  ? { ...process.env, STORAGE_CONNECTION_STRING: azuriteConnectionString }
  : process.env;
const emulatorPort = env.B2C_EMULATOR_PORT ?? '7072';
const webPort = env.WEB_PORT ?? '4200';
/** The API's native-auth proxy and the web client's config.json must name the same app. */
const externalId = chooseExternalIdApp(options.signInMethod, env.EXTERNAL_ID_CLIENT_ID);
const webConfigFile =
  options.authority === 'external-id'
    ? writeTemporaryWebConfig(
        createExternalIdWebConfig(externalId.app.clientId, externalId.signInMethod),
      )
    : undefined;

/**
 * `npm start`'s arguments; a mistake stops here, before anything is built.
 * @returns {import('./start-options.mjs').StartOptions}
 */
function readStartOptions() {
  try {
    return parseStartOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof StartOptionsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

/**
 * Azurite's table service from its npm package, persisting to .azurite/ (telemetry off).
 * @returns {Service}
 */
function azuriteService() {
  const main = join(
    dirname(createRequire(import.meta.url).resolve('azurite/package.json')),
    'dist/src/table/main.js',
  );
  const location = process.env.AZURITE_LOCATION ?? join(root, '.azurite');
  mkdirSync(location, { recursive: true });
  return {
    name: 'azurite',
    project: 'tools/dev-stack',
    build: [],
    command: [
      main,
      '--disableTelemetry',
      '--silent',
      '--location',
      location,
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      azuritePort,
    ],
    // Any HTTP answer (400 for a bare GET) means it is listening.
    ready: `http://127.0.0.1:${azuritePort}/devstoreaccount1/Tables`,
    readyOnAnyAnswer: true,
  };
}

/**
 * The services of the stack, in start order; each is started only when its project exists.
 * @type {Service[]}
 */
const services = [
  {
    name: 'b2c-emulator',
    project: 'apps/b2c-emulator',
    command: [
      'dist/apps/b2c-emulator/bin.js',
      '--port',
      emulatorPort,
      '--https-port',
      env.B2C_EMULATOR_HTTPS_PORT ?? '7443',
      '--admin-key',
      env.B2C_EMULATOR_ADMIN_KEY ?? 'dev-admin-key',
      // One-time codes on the log as well as in the outbox: a developer reads them there.
      '--log-codes',
      env.B2C_EMULATOR_LOG_CODES ?? 'on',
    ],
    ready: `http://127.0.0.1:${emulatorPort}/.emulator/health`,
  },
  {
    name: 'api',
    project: 'apps/api',
    build: ['api', 'functions-host'],
    command: [
      'dist/tools/functions-host/main.js',
      'dist/apps/api',
      '--port',
      env.API_PORT ?? '7071',
    ],
    // The example settings of the default tenant, both authorities, pointed at this emulator and
    // this web origin; the environment wins, except over --sign-in-method's client app.
    env: () => ({
      ...readSettings('apps/api/local.settings.example.json'),
      B2C_AUTHORITY: `http://localhost:${emulatorPort}/${B2C_TENANT}/${B2C_POLICY}`,
      EXTERNAL_ID_AUTHORITY: `http://localhost:${emulatorPort}/${EXTERNAL_ID_TENANT}`,
      AUTH_ALLOWED_ORIGINS: `http://localhost:${webPort}`,
      // Behind the web origin, which adds the browser's address to X-Forwarded-For: one hop, so
      // the sign-in proxy counts each browser apart rather than every one as the web server.
      AUTH_TRUSTED_HOPS: '1',
      ...env,
      EXTERNAL_ID_CLIENT_ID: externalId.app.clientId,
    }),
    ready: `http://127.0.0.1:${env.API_PORT ?? '7071'}/api/health`,
  },
  {
    name: 'web',
    project: 'apps/web',
    // The production build on one origin with /api proxied, as Static Web Apps serves it.
    command: [
      'tools/web-server/serve-web.mjs',
      '--root',
      'dist/apps/web/browser',
      '--api',
      `http://127.0.0.1:${env.API_PORT ?? '7071'}`,
      '--port',
      webPort,
      // External ID: the generated config.json instead of the built one (which is B2C's).
      ...(webConfigFile ? ['--config', webConfigFile] : []),
    ],
    ready: `http://127.0.0.1:${webPort}/`,
  },
].filter((service) => existsSync(join(root, service.project)));
if (useAzurite) services.unshift(azuriteService());

/**
 * The `Values` of a Functions app's settings file.
 * @param {string} file
 * @returns {Record<string, string>}
 */
function readSettings(file) {
  /** @type {unknown} */
  const settings = JSON.parse(readFileSync(join(root, file), 'utf8'));
  return /** @type {{ Values: Record<string, string> }} */ (settings).Values;
}

function build() {
  const projects = services.flatMap((service) => service.build ?? [service.name]).join(',');
  console.log(`Building ${projects}...`);
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', projects], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * Polls `url` until it answers 2xx (any status with `anyAnswer`); fails when `child` exits.
 * @param {string} url
 * @param {ChildProcess} child
 */
async function waitUntilReady(url, child, anyAnswer = false) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok || anyAnswer) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready`);
}

/**
 * Signals `child` and waits for it to exit; after 10 s it is killed.
 * @param {ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
async function stopChild(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

build();
/**
 * The started services' processes, by service name.
 * @type {Map<string, ChildProcess>}
 */
const children = new Map();
/** @type {Promise<void> | undefined} */
let stopping;
/**
 * Stops the apps (they may still be writing), then Azurite with SIGINT, on which it saves its
 * database and closes, and exits once every process has.
 */
const stopAll = () =>
  (stopping ??= (async () => {
    const apps = [...children].filter(([name]) => name !== 'azurite');
    await Promise.all(apps.map(([, child]) => stopChild(child, 'SIGTERM')));
    const store = children.get('azurite');
    if (store) await stopChild(store, 'SIGINT');
    process.exit(process.exitCode ?? 0);
  })());
process.once('SIGINT', () => void stopAll()).once('SIGTERM', () => void stopAll());
for (const service of services) {
  const child = spawn(process.execPath, service.command, {
    cwd: root,
    stdio: 'inherit',
    env: service.env ? service.env() : env,
    // Azurite in its own process group: Ctrl+C reaches the launcher, which stops Azurite last.
    detached: service.name === 'azurite',
  });
  children.set(service.name, child);
  child.once('exit', (code) => {
    if (code && !stopping) {
      console.error(`${service.name} exited with ${code}`);
      process.exitCode = 1;
    }
    void stopAll();
  });
  await waitUntilReady(service.ready, child, service.readyOnAnyAnswer);
}
console.log(
  readyBanner({
    emulatorPort,
    emulatorHttpsPort: env.B2C_EMULATOR_HTTPS_PORT ?? '7443',
    apiPort: env.API_PORT ?? '7071',
    webPort,
    adminKey: env.B2C_EMULATOR_ADMIN_KEY ?? 'dev-admin-key',
    state: useAzurite
      ? `Azurite, http://127.0.0.1:${azuritePort} (persisted in ${process.env.AZURITE_LOCATION ?? '.azurite/'})`
      : env.STORAGE_CONNECTION_STRING
        ? 'STORAGE_CONNECTION_STRING'
        : 'in memory (npm start -- --azurite for Table storage)',
    web: webConfigFile
      ? { kind: 'external-id', ...externalId, configFile: webConfigFile }
      : { kind: 'b2c' },
  }),
);
