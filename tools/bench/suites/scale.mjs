// @ts-check
// What one instance holds and serves, for BENCHMARKS.md's "Cost of scale": the resident memory of
// the emulator and of the API after warm-up and at their peak under load (proxied sign-ins, each
// an argon2id check in the emulator; proxied refreshes; discovery and JWKS), and the rates of the
// endpoints no other suite measures: POST /api/auth/refresh through the proxy (with the api's CPU
// per refresh) and the emulator's discovery and JWKS documents. The capacity table is computed
// from these and the other suites' figures (lib/cost-of-scale.mjs).
import { autocannonRate } from '../lib/autocannon-rate.mjs';
import { startApi } from '../lib/api-process.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { NO_THROTTLE, ORIGIN, PROXY_HEADERS, userOf } from '../lib/proxy-load.mjs';
import { postForm } from '../lib/http-client.mjs';
import { processCpuSeconds, startEmulator } from '../lib/emulator-process.mjs';
import { throughputOf } from '../lib/measure.mjs';
import { residentMegabytes, sampleResidentPeaks } from '../lib/process-memory.mjs';

/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

const CONCURRENCY = 8; // as the other closed-loop figures
const POLICY_PATH = '/contoso.onmicrosoft.com/B2C_1_ROPC_Auth';
/** The memory goal of the issue, per instance. */
const RSS_GOAL_MB = 150;

/**
 * Figure id → time budget (seconds) at these options.
 * @param {BenchOptions} options
 */
export function budgets({ runs, seconds }) {
  const load = runs * (2.5 * seconds + 2);
  return {
    'rss-emulator-warm': 8,
    'rss-api-warm': 1,
    'rss-emulator-load': 1,
    'rss-api-load': 1,
    'proxy-refresh': 5 + load,
    'proxy-refresh-cpu': 1,
    'emulator-discovery': 1 + runs * (seconds / 2 + 1),
    'emulator-jwks': 1 + runs * (seconds / 2 + 1),
  };
}

/**
 * @param {BenchOptions} options
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs, seconds }) {
  const clocks = clocksFor(budgets({ runs, seconds }));
  const emulator = await startEmulator();
  const api = await startApi(emulator.url, {
    AUTH_ALLOWED_ORIGINS: ORIGIN,
    AUTH_THROTTLE_IP: NO_THROTTLE,
    AUTH_THROTTLE_REFRESH_IP: NO_THROTTLE,
    AUTH_THROTTLE_REFRESH_SESSION: NO_THROTTLE,
  });
  try {
    const signIn = async (/** @type {number} */ loop) => {
      const answer = await postForm(`${api.url}/api/auth/token`, userOf(loop), PROXY_HEADERS);
      if (answer.status !== 200) throw new Error(`proxied sign-in failed: ${answer.status}`);
      return sessionCookieOf(answer.headers['set-cookie']);
    };
    /** One session cookie per loop, rotated by every refresh. */
    const sessions = await clocks['rss-emulator-warm'].time(() =>
      Promise.all(Array.from({ length: CONCURRENCY }, (_, loop) => signIn(loop))),
    );
    if (!sessions) return figures(clocks);
    const refresh = async (/** @type {number} */ loop) => {
      const answer = await postForm(
        `${api.url}/api/auth/refresh`,
        {},
        {
          ...PROXY_HEADERS,
          cookie: sessions[loop],
        },
      );
      if (answer.status !== 200 || !answer.body.access_token)
        throw new Error(`proxied refresh failed: ${answer.status} ${answer.body.error ?? ''}`);
      sessions[loop] = sessionCookieOf(answer.headers['set-cookie']);
    };
    // Warm-up: the JIT, the api's keys and caches, the emulator's stores.
    await clocks['rss-emulator-warm'].time(() =>
      throughputOf(refresh, { concurrency: CONCURRENCY, seconds: 1 }),
    );
    await clocks['rss-emulator-warm'].sample(() => residentMegabytes(emulator.pid));
    await clocks['rss-api-warm'].sample(() => residentMegabytes(api.pid));

    for (let run = 0; run < runs; run++) {
      const peaks = sampleResidentPeaks([emulator.pid, api.pid]);
      const measured = await clocks['proxy-refresh'].time(async () => {
        const before = processCpuSeconds(api.pid);
        const rate = await throughputOf(refresh, { concurrency: CONCURRENCY, seconds });
        const cpuMs = ((processCpuSeconds(api.pid) - before) * 1000) / (rate * seconds);
        // Sign-ins too, for memory: each holds an argon2id check (19 MiB) in the emulator.
        await throughputOf(signIn, { concurrency: CONCURRENCY, seconds: seconds / 2 });
        return { rate, cpuMs };
      });
      if (measured) {
        await clocks['proxy-refresh'].sample(() => measured.rate);
        await clocks['proxy-refresh-cpu'].sample(() => measured.cpuMs);
      }
      const warmUp = run === 0;
      await clocks['emulator-discovery'].sample(() =>
        autocannonRate(`${emulator.url}${POLICY_PATH}/v2.0/.well-known/openid-configuration`, {
          seconds: seconds / 2,
          warmUp,
        }),
      );
      await clocks['emulator-jwks'].sample(() =>
        autocannonRate(`${emulator.url}${POLICY_PATH}/discovery/v2.0/keys`, {
          seconds: seconds / 2,
          warmUp,
        }),
      );
      const [emulatorPeak, apiPeak] = await peaks.stop();
      await clocks['rss-emulator-load'].sample(() => emulatorPeak);
      await clocks['rss-api-load'].sample(() => apiPeak);
    }
    return figures(clocks);
  } finally {
    await Promise.all([api.stop(), emulator.stop()]);
  }
}

/**
 * The `ropc_session=…` pair of a proxy answer's Set-Cookie headers, to send back as Cookie.
 * @param {string[] | undefined} setCookies
 */
function sessionCookieOf(setCookies) {
  const pair = setCookies
    ?.map((header) => header.split(';', 1)[0] ?? '')
    .find((candidate) => candidate.startsWith('ropc_session='));
  if (!pair) throw new Error('the proxy set no ropc_session cookie');
  return pair;
}

/**
 * @param {ReturnType<typeof clocksFor<ReturnType<typeof budgets>>>} clocks
 * @returns {Figure[]}
 */
function figures(clocks) {
  const memoryNote = (/** @type {string} */ when) =>
    `Resident set size (VmRSS, /proc) ${when}. The emulator (its bin, the bench tenant, memory ` +
    'stores) and the api (local Functions host, memory state) each in their own process.';
  const loadNote = memoryNote(
    `at its peak (sampled every 50 ms) over each run's load: ${CONCURRENCY} closed loops of ` +
      'proxied refreshes, then of proxied sign-ins (an argon2id check of m=19 MiB each, on the ' +
      "emulator's thread pool, one per core at a time), then GET discovery and JWKS under " +
      "autocannon. The peak holds the hashes' working memory and what V8 lets the heap grow to " +
      'between collections under that allocation rate (its default sizing trades memory for ' +
      'throughput; a capped old space keeps the peak down at a cost in requests per second)',
  );
  return [
    {
      ...clocks['rss-emulator-warm'].fields(),
      title: 'emulator resident memory after warm-up',
      unit: 'MB',
      goal: { maxAbsolute: RSS_GOAL_MB },
      note: memoryNote(`after ${CONCURRENCY} proxied sign-ins and 1 s of proxied refreshes`),
    },
    {
      ...clocks['rss-emulator-load'].fields(),
      title: 'emulator resident memory under load (peak)',
      unit: 'MB',
      goal: { maxAbsolute: RSS_GOAL_MB },
      note: loadNote,
    },
    {
      ...clocks['rss-api-warm'].fields(),
      title: 'api resident memory after warm-up',
      unit: 'MB',
      goal: { maxAbsolute: RSS_GOAL_MB },
      note: memoryNote(`after ${CONCURRENCY} proxied sign-ins and 1 s of proxied refreshes`),
    },
    {
      ...clocks['rss-api-load'].fields(),
      title: 'api resident memory under load (peak)',
      unit: 'MB',
      goal: { maxAbsolute: RSS_GOAL_MB },
      note: loadNote,
    },
    {
      ...clocks['proxy-refresh'].fields(),
      title: 'POST /api/auth/refresh through the proxy, 8 connections',
      unit: 'req/s',
      note:
        'Each loop keeps its own session: the ropc_session cookie the proxy set, sent back and ' +
        'replaced by every answer (the refresh token rotates in the emulator, the cookie is ' +
        "re-sealed). The api's refresh throttles are raised for the bench.",
    },
    {
      ...clocks['proxy-refresh-cpu'].fields(),
      title: 'api CPU per proxied refresh',
      unit: 'ms CPU',
      note: 'Process CPU of the api (user + system, /proc) over each refresh run ÷ its refreshes.',
    },
    {
      ...clocks['emulator-discovery'].fields(),
      title: 'emulator GET …/v2.0/.well-known/openid-configuration, 10 connections',
      unit: 'req/s',
    },
    {
      ...clocks['emulator-jwks'].fields(),
      title: 'emulator GET …/discovery/v2.0/keys, 10 connections',
      unit: 'req/s',
    },
  ];
}
