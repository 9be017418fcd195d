#!/usr/bin/env node
// `npm start`: builds and starts every part of the product that exists — the B2C emulator, the API
// and the web client — on the ports of DESIGN.md, then prints the URLs and the demo credentials.
// Ctrl+C stops them all.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const env = process.env;

/** The services of the stack, in start order; each is started only when its project exists. */
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

/** The `Values` of a Functions app's settings file. */
function readSettings(file) {
  return JSON.parse(readFileSync(join(root, file), 'utf8')).Values;
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

async function waitUntilReady(url, child) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready`);
}

build();
const children = [];
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.once('SIGINT', stopAll).once('SIGTERM', stopAll);
for (const service of services) {
  const child = spawn(process.execPath, service.command, {
    cwd: root,
    stdio: 'inherit',
    env: service.env ? service.env() : env,
  });
  children.push(child);
  child.once('exit', (code) => {
    if (code) console.error(`${service.name} exited with ${code}`);
    stopAll();
  });
  await waitUntilReady(service.ready, child);
}
console.log(`
Ready.
  B2C emulator  http://localhost:${env.B2C_EMULATOR_PORT ?? '7072'}  (https://localhost:${env.B2C_EMULATOR_HTTPS_PORT ?? '7443'})
  API           http://localhost:${env.API_PORT ?? '7071'}/api  (health, me, notes, auth/token|refresh|sign-out)
  Web           http://localhost:${env.WEB_PORT ?? '4200'}  (sign in as a demo user below)
  Demo users    alice@contoso.com / Alice-Passw0rd!    bob@contoso.com / Bob-Passw0rd!
  Admin key     ${env.B2C_EMULATOR_ADMIN_KEY ?? 'dev-admin-key'} (development only)
Press Ctrl+C to stop.`);
