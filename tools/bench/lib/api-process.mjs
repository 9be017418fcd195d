// @ts-check
// Starts the built API on the local Functions host for a benchmark, against an emulator. The
// returned `spawnedAt` (performance.now() just before the spawn) serves the cold-start figures.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CLIENT_ID, ROOT } from './emulator-process.mjs';

/** @import { RunningServer } from './emulator-process.mjs' */

export const API_APP_ID = '0e842314-a3f9-451e-a34c-f22568d6db61';

/**
 * The API's settings for a bench against the emulator at `emulatorUrl` (its B2C authority).
 * @param {string} emulatorUrl
 * @returns {Record<string, string>}
 */
export function apiSettings(emulatorUrl) {
  return {
    B2C_AUTHORITY: `${emulatorUrl}/contoso.onmicrosoft.com/B2C_1_ROPC_Auth`,
    B2C_CLIENT_ID: CLIENT_ID,
    API_AUDIENCE: API_APP_ID,
    AUTH_ALLOWED_ORIGINS: 'http://localhost:4200',
    AUTH_COOKIE_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`,
  };
}

/**
 * Spawns the API on the built functions host and resolves once it listens.
 * @param {string} emulatorUrl The emulator's origin, the API's authority.
 * @param {Record<string, string>} [extraEnv] Settings added to (or replacing) the defaults.
 * @returns {Promise<RunningServer & { spawnedAt: number }>}
 */
export async function startApi(emulatorUrl, extraEnv = {}) {
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'dist', 'tools', 'functions-host', 'main.js'),
      join(ROOT, 'dist', 'apps', 'api'),
      '--port',
      '0',
      '--quiet',
    ],
    {
      env: { PATH: process.env.PATH, ...apiSettings(emulatorUrl), ...extraEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  /** @type {string} */
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`api exited with ${code}: ${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: /** @type {number} */ (child.pid), // a child that printed its URL has a pid
    spawnedAt,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
