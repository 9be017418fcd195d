// @ts-check
// Starts the built API on the local Functions host for a benchmark, against an emulator. The
// returned `spawnedAt` (performance.now() just before the spawn) serves the cold-start figures.
import { join } from 'node:path';
import { CLIENT_ID, ROOT } from './emulator-process.mjs';
import { startListeningProcess } from './listening-process.mjs';

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
  const api = await startListeningProcess(
    'api',
    [
      join(ROOT, 'dist', 'tools', 'functions-host', 'main.js'),
      join(ROOT, 'dist', 'apps', 'api'),
      '--port',
      '0',
      '--quiet',
    ],
    { PATH: process.env.PATH, ...apiSettings(emulatorUrl), ...extraEnv },
  );
  return { ...api, spawnedAt };
}
