// @ts-check
// The API on the local Functions host: protected GET /api/me against anonymous GET /api/health
// (verified-token cache warm, and off), and the host's /api/health against an empty node:http
// server answering the same JSON (autocannon, 10 connections, loopback).
import { autocannonRate } from '../lib/autocannon-rate.mjs';
import { startApi } from '../lib/api-process.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { passwordForm, startEmulator, tokenRequest } from '../lib/emulator-process.mjs';
import { startScriptServer } from '../lib/script-server.mjs';

/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

const NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';

/**
 * Figure id → time budget (seconds) at these options (a 1 s warm-up, then the runs).
 * @param {BenchOptions} options
 */
export function budgets({ runs, seconds }) {
  const each = 5 + runs * (seconds + 1);
  return { 'api-health': each, 'api-me-cached': each, 'api-me-uncached': each, 'empty-http': each };
}

/**
 * @param {BenchOptions} options
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs, seconds }) {
  const clocks = clocksFor(budgets({ runs, seconds }));
  const emulator = await startEmulator();
  const api = await startApi(emulator.url);
  const uncached = await startApi(emulator.url, { AUTH_TOKEN_CACHE: 'off' });
  const empty = await startScriptServer('empty-json-server.mjs');
  try {
    const form = {
      ...passwordForm('alice@contoso.com', 'Alice-Passw0rd!'),
      scope: `openid ${NOTES_READ}`,
    };
    const { body } = await tokenRequest(emulator.url, form);
    const headers = { authorization: `Bearer ${body.access_token}` };
    /**
     * @param {keyof typeof clocks} id
     * @param {string} url
     * @param {{ headers?: Record<string, string> }} [extra]
     */
    const measure = (id, url, extra = {}) =>
      clocks[id].repeat(runs, (run) =>
        autocannonRate(url, { seconds, warmUp: run === 0, ...extra }),
      );
    const health = await measure('api-health', `${api.url}/api/health`);
    await measure('api-me-cached', `${api.url}/api/me`, { headers });
    await measure('api-me-uncached', `${uncached.url}/api/me`, { headers });
    const bare = await measure('empty-http', empty.url);
    return [
      {
        ...clocks['api-health'].fields(),
        title: 'GET /api/health on the local Functions host',
        unit: 'req/s',
        baseline: { title: 'empty node:http server, same JSON', value: bare?.median },
        goal: { min: 0.5 },
      },
      {
        ...clocks['api-me-cached'].fields(),
        title: 'GET /api/me, verified-token cache warm',
        unit: 'req/s',
        baseline: { title: 'GET /api/health', value: health?.median },
        goal: { min: 0.9 },
      },
      {
        ...clocks['api-me-uncached'].fields(),
        title: 'GET /api/me, verified-token cache off',
        unit: 'req/s',
        baseline: { title: 'GET /api/health', value: health?.median },
        goal: { min: 0.5 },
      },
      {
        ...clocks['empty-http'].fields(),
        title: 'empty node:http server answering {"status":"ok"}',
        unit: 'req/s',
      },
    ];
  } finally {
    await Promise.all([api.stop(), uncached.stop(), emulator.stop(), empty.stop()]);
  }
}
