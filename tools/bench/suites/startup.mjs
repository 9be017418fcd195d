// @ts-check
// Start-up of the apps (the emulator's process start to first token is in the emulator suite):
// the api's process start (the functions-host CLI serving dist/apps/api) to its first successful
// GET /api/health, and to its first authenticated GET /api/me (which fetches discovery and JWKS
// from the emulator first); and each app's module load time, the require() of its built bundle
// through the functions host's own loading path, timed inside a fresh node process.
import { request } from 'node:http';
import { join } from 'node:path';
import { startApi } from '../lib/api-process.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { ROOT, passwordForm, startEmulator, tokenRequest } from '../lib/emulator-process.mjs';
import { buildHostLoader, moduleLoadMs } from '../lib/module-load.mjs';

/** @import { OutgoingHttpHeaders } from 'node:http' */
/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

const NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';
const APPS = {
  'module-load-api': join(ROOT, 'dist', 'apps', 'api'),
  'module-load-emulator': join(ROOT, 'dist', 'apps', 'b2c-emulator'),
};

/** Module loads per app: several short runs, whatever BENCH_RUNS says (at least 5). */
const loadRuns = (/** @type {number} */ runs) => Math.max(5, runs * 2);

/**
 * Figure id → time budget (seconds) at these options.
 * @param {Pick<BenchOptions, 'runs'>} options
 */
export function budgets({ runs }) {
  return {
    // One unmeasured start first, then the runs (a start is about half a second here).
    'api-cold-start': 5 + (runs + 1) * 2,
    'api-first-me': 5 + runs * 2,
    // Bundling the host's loader once (about a second), then a fresh process per load.
    'module-load-api': 8 + loadRuns(runs),
    'module-load-emulator': 5 + loadRuns(runs),
  };
}

/**
 * GET on a fresh connection; retried until the first 200 (or throws after `timeoutMs`).
 * @param {string} url
 * @param {OutgoingHttpHeaders} [headers]
 */
async function firstOk(url, headers = {}, timeoutMs = 10_000) {
  const deadline = performance.now() + timeoutMs;
  /** @type {number | string} */
  let last = 'no answer';
  while (performance.now() < deadline) {
    /** @type {number | string} the status, or why there was none */
    const status = await new Promise((resolve) => {
      const outgoing = request(url, { agent: false, headers }, (response) => {
        response.resume();
        // A client response always has a status code.
        response.on('end', () => {
          resolve(/** @type {number} */ (response.statusCode));
        });
      });
      outgoing.on('error', (error) => {
        resolve(error.message);
      });
      outgoing.end();
    });
    if (status === 200) return;
    last = status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url}: no 200 within ${timeoutMs} ms (last: ${last})`);
}

/**
 * Milliseconds from spawning the api to the first 200 of `path` (the first request it serves).
 * @param {string} emulatorUrl
 * @param {string} path
 * @param {OutgoingHttpHeaders} [headers]
 */
async function apiStartTo(emulatorUrl, path, headers) {
  const api = await startApi(emulatorUrl);
  try {
    await firstOk(`${api.url}${path}`, headers);
    return performance.now() - api.spawnedAt;
  } finally {
    await api.stop();
  }
}

/**
 * @param {Pick<BenchOptions, 'runs'>} options
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs }) {
  const clocks = clocksFor(budgets({ runs }));
  const emulator = await startEmulator();
  try {
    const form = {
      ...passwordForm('alice@contoso.com', 'Alice-Passw0rd!'),
      scope: `openid ${NOTES_READ}`,
    };
    const { body } = await tokenRequest(emulator.url, form);
    const bearer = { authorization: `Bearer ${body.access_token}` };
    const health = clocks['api-cold-start'];
    await health.time(() => apiStartTo(emulator.url, '/api/health')); // unmeasured: disk cache
    await health.repeat(runs, () => apiStartTo(emulator.url, '/api/health'));
    await clocks['api-first-me'].repeat(runs, () => apiStartTo(emulator.url, '/api/me', bearer));
    const loader = await clocks['module-load-api'].time(buildHostLoader);
    for (const [id, appDir] of /** @type {[keyof typeof APPS, string][]} */ (
      Object.entries(APPS)
    )) {
      if (!loader) {
        clocks[id].error ??= "the functions host's loader could not be bundled";
        continue;
      }
      await clocks[id].time(() => moduleLoadMs(loader, appDir)); // unmeasured: disk cache
      await clocks[id].repeat(loadRuns(runs), () => moduleLoadMs(loader, appDir));
    }
  } finally {
    await emulator.stop();
  }
  const loads = `require() of the built bundle's entry (package.json "main": main.js) in a fresh node process, through the functions host's own loading path (its sources bundled: resolveEntryPoints, then requireEntryPoints with the @azure/functions-core stand-in on Module.prototype.require), timed with process.hrtime around the require; the registrations are checked. appStart hooks (config, tenant load, password hashing, keys) are not run. After one unmeasured load.`;
  return [
    {
      ...clocks['api-cold-start'].fields(),
      title: 'api process start to first GET /api/health 200',
      unit: 'ms',
      note: 'Spawn of the functions-host CLI with dist/apps/api until the first 200 from GET /api/health on a fresh connection (the host prints its URL once listening; appStart has validated the config by then). After one unmeasured start. No goal set.',
    },
    {
      ...clocks['api-first-me'].fields(),
      title: 'api process start to first authenticated GET /api/me 200',
      unit: 'ms',
      note: "As the health figure, but the first request is GET /api/me with a valid bearer token, so it includes the api's first fetch of discovery and JWKS from the emulator (running, warm) and the first token validation. No goal set.",
    },
    {
      ...clocks['module-load-api'].fields(),
      title: 'api module load (dist/apps/api/main.js)',
      unit: 'ms',
      note: `${loads} The budget includes bundling the host's loader once. No goal set.`,
    },
    {
      ...clocks['module-load-emulator'].fields(),
      title: 'emulator module load (dist/apps/b2c-emulator/main.js)',
      unit: 'ms',
      note: `${loads} No goal set.`,
    },
  ];
}
