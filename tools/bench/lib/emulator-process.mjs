// @ts-check
// Starts the built b2c-emulator bin for a benchmark: loopback, ephemeral port, the benchmark
// tenant (per-IP limits off) unless another tenant file is given, a throwaway data directory
// unless one is given.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postForm } from './http-client.mjs';

/** @import { OutgoingHttpHeaders } from 'node:http' */

/**
 * A server the benchmark started in its own process.
 * @typedef {object} RunningServer
 * @property {string} url Its loopback origin.
 * @property {number} pid
 * @property {() => Promise<void>} stop Stops it and waits for it to exit.
 */

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const EMULATOR_BIN = join(ROOT, 'dist', 'apps', 'b2c-emulator', 'bin.js');
/** The emulator's default tenant with the per-IP and per-tenant request limits off. */
export const BENCH_TENANT = join(import.meta.dirname, '..', 'fixtures', 'bench-tenant.json');
export const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
export const TOKEN_PATH = '/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token';

/**
 * How to start the emulator; every field has a default.
 * @typedef {object} EmulatorOptions
 * @property {string} [tenantFile] The tenant file it loads (default: the bench tenant).
 * @property {string} [dataDir] Kept after stop; default: a throwaway directory removed on stop.
 * @property {string} [adminKey]
 * @property {Record<string, string>} [env] Settings added to PATH and the quiet flag.
 */

/**
 * Spawns the emulator and resolves once it prints its banner.
 * @param {EmulatorOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startEmulator({
  tenantFile = BENCH_TENANT,
  dataDir,
  adminKey = 'bench-admin-key',
  env = {},
} = {}) {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'bench-emulator-'));
  const removeDir = () => {
    if (!dataDir) rmSync(dir, { recursive: true, force: true });
  };
  const child = spawn(
    process.execPath,
    [
      EMULATOR_BIN,
      '--port',
      '0',
      '--tenant',
      tenantFile,
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
  /** @type {string} */
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      // The banner's last line: by then its first, which names the port, is in.
      if (!output.includes('admin API:')) return;
      resolve(/** @type {RegExpExecArray} */ (/on http:\/\/localhost:(\d+)/.exec(output))[1] ?? '');
    });
    child.once('exit', (code) => {
      removeDir();
      reject(new Error(`emulator exited with ${code}: ${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: /** @type {number} */ (child.pid), // a child that printed its banner has a pid
    async stop() {
      // One that already exited would never emit 'exit' again.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      removeDir();
    },
  };
}

/**
 * Posts a form to the token endpoint; returns status and JSON body.
 * @param {string} url The emulator's origin.
 * @param {Record<string, string>} form
 * @param {OutgoingHttpHeaders} [headers]
 */
export function tokenRequest(url, form, headers) {
  return postForm(`${url}${TOKEN_PATH}`, form, headers);
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux).
 * @param {number} pid
 */
export function processCpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After the command name in parentheses: utime and stime, in clock ticks.
  const fields = /** @type {string} */ (stat.split(') ')[1]).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * A password grant form for `username`.
 * @param {string} username
 * @param {string} password
 * @returns {Record<string, string>}
 */
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
