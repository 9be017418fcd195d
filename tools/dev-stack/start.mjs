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
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
const useAzurite = process.argv.includes('--azurite');
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
      env.B2C_EMULATOR_PORT ?? '7072',
      '--https-port',
      env.B2C_EMULATOR_HTTPS_PORT ?? '7443',
      '--admin-key',
      env.B2C_EMULATOR_ADMIN_KEY ?? 'dev-admin-key',
      // One-time codes on the log as well as in the outbox: a developer reads them there.
      '--log-codes',
      env.B2C_EMULATOR_LOG_CODES ?? 'on',
    ],
    ready: `http://127.0.0.1:${env.B2C_EMULATOR_PORT ?? '7072'}/.emulator/health`,
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
    // The example settings of the default tenant, pointed at this emulator; the environment wins.
    env: () => ({
      ...readSettings('apps/api/local.settings.example.json'),
      B2C_AUTHORITY: `http://localhost:${env.B2C_EMULATOR_PORT ?? '7072'}/contoso.onmicrosoft.com/B2C_1_ROPC_Auth`,
      EXTERNAL_ID_AUTHORITY: `http://localhost:${env.B2C_EMULATOR_PORT ?? '7072'}/contosoid.onmicrosoft.com`,
      // Behind the web origin, which adds the browser's address to X-Forwarded-For: one hop, so
      // the sign-in proxy counts each browser apart rather than every one as the web server.
      AUTH_TRUSTED_HOPS: '1',
      ...env,
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
      env.WEB_PORT ?? '4200',
    ],
    ready: `http://127.0.0.1:${env.WEB_PORT ?? '4200'}/`,
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
console.log(`
Ready.
  B2C emulator  http://localhost:${env.B2C_EMULATOR_PORT ?? '7072'}  (https://localhost:${env.B2C_EMULATOR_HTTPS_PORT ?? '7443'})
  API           http://localhost:${env.API_PORT ?? '7071'}/api  (health, me, notes, auth/token|refresh|sign-out)
  Web           http://localhost:${env.WEB_PORT ?? '4200'}  (sign in as a demo user below)
  Demo users    alice@contoso.com / Alice-Passw0rd!    bob@contoso.com / Bob-Passw0rd!
  External ID   http://localhost:${env.B2C_EMULATOR_PORT ?? '7072'}/contosoid.onmicrosoft.com/  (native authentication: oauth2/v2.0/initiate|challenge|token,
                signup/v1.0/start|challenge|continue, resetpassword/v1.0/start|challenge|continue|submit|poll_completion)
                apps contoso-notes-spa c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45 (password), contoso-notes-otp f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47 (e-mail code)
                users alice and bob (same passwords), carol@contoso.com (e-mail code; codes on this log and at /.emulator/outbox?to=)
  Admin key     ${env.B2C_EMULATOR_ADMIN_KEY ?? 'dev-admin-key'} (development only)
  State         ${useAzurite ? `Azurite, http://127.0.0.1:${azuritePort} (persisted in ${process.env.AZURITE_LOCATION ?? '.azurite/'})` : env.STORAGE_CONNECTION_STRING ? 'STORAGE_CONNECTION_STRING' : 'in memory (npm start -- --azurite for Table storage)'}
Press Ctrl+C to stop.`);
