// Starts the built b2c-emulator bin for a benchmark: loopback, ephemeral port, the benchmark
// tenant (per-IP limits off), a throwaway data directory unless one is given.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postForm } from './http-client.mjs';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const EMULATOR_BIN = join(ROOT, 'dist', 'apps', 'b2c-emulator', 'bin.js');
export const BENCH_TENANT = join(
  ROOT,
  'apps',
  'b2c-emulator',
  'src',
  'tenant',
  'bench-tenant.json',
);
export const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
export const TOKEN_PATH = '/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token';

/** Spawns the emulator (`env`: extra settings) and resolves once it prints its banner. */
export async function startEmulator({ dataDir, adminKey = 'bench-admin-key', env = {} } = {}) {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'bench-emulator-'));
  const child = spawn(
    process.execPath,
    [
      EMULATOR_BIN,
      '--port',
      '0',
      '--tenant',
      BENCH_TENANT,
      '--data-dir',
      dir,
      '--admin-key',
      adminKey,
      // One trusted hop, so that the benchmark can name a client IP per request in X-Forwarded-For.
      '--trusted-hops',
      '1',
    ],
    {
      env: { PATH: process.env.PATH, B2C_EMULATOR_QUIET: '1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('admin API:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const port = /on http:\/\/localhost:(\d+)/.exec(output)[1];
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Posts a form to the token endpoint; returns status and JSON body. */
export function tokenRequest(url, form, headers) {
  return postForm(`${url}${TOKEN_PATH}`, form, headers);
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function processCpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A password grant form for `username`. */
export function passwordForm(username, password) {
  return {
    grant_type: 'password',
    client_id: CLIENT_ID,
    username,
    password,
    scope: `openid offline_access ${CLIENT_ID}`,
    response_type: 'token id_token',
  };
}
