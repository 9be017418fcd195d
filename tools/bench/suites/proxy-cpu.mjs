// @ts-check
// The sign-in proxy's own CPU per sign-in under load: the api forwards to an authority that
// answers at once with a canned token answer (lib/canned-authority-server.mjs), so nothing else
// shares the cores' time per sign-in and the api runs busy, as a loaded instance does. The proxy
// suite measures it against the emulator, where each sign-in waits ~20 ms of argon2id and the
// api, idle in between, pays for being woken per request; that figure is kept, informational.
import { startApi } from '../lib/api-process.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { NO_THROTTLE, ORIGIN, PROXY_HEADERS, userOf } from '../lib/proxy-load.mjs';
import { processCpuSeconds, startEmulator, tokenRequest } from '../lib/emulator-process.mjs';
import { postForm, requestJson } from '../lib/http-client.mjs';
import { throughputOf } from '../lib/measure.mjs';
import { startScriptServer } from '../lib/script-server.mjs';

/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

const CONCURRENCY = 8;

/**
 * Figure id → time budget (seconds) at these options.
 * @param {BenchOptions} options
 */
export function budgets({ runs, seconds }) {
  return {
    'proxy-instant-sign-in-cpu': 8 + runs * (seconds + 1),
    'proxy-instant-health-cpu': 1 + runs * (seconds + 1),
    'proxy-instant-own-cpu': ['proxy-instant-sign-in-cpu', 'proxy-instant-health-cpu'],
  };
}

/**
 * Runs `call(loop)` in closed loops for `seconds`; the api's CPU (ms) per call meanwhile.
 * @param {number} pid
 * @param {number} seconds
 * @param {(loop: number) => Promise<void>} call
 */
async function cpuPerCall(pid, seconds, call) {
  const before = processCpuSeconds(pid);
  const rate = await throughputOf(call, { concurrency: CONCURRENCY, seconds });
  return ((processCpuSeconds(pid) - before) * 1000) / (rate * seconds);
}

/**
 * @param {BenchOptions} options
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs, seconds }) {
  const clocks = clocksFor(budgets({ runs, seconds }));
  const setUp = await clocks['proxy-instant-sign-in-cpu'].time(async () => {
    // One real answer of the emulator's, replayed for every sign-in.
    const emulator = await startEmulator();
    try {
      const { status, body } = await tokenRequest(emulator.url, userOf(0));
      if (status !== 200) throw new Error(`sign-in at the emulator failed: ${status}`);
      return JSON.stringify(body);
    } finally {
      await emulator.stop();
    }
  });
  if (!setUp) return figures(clocks);
  const authority = await startScriptServer('canned-authority-server.mjs', {
    env: { PATH: process.env.PATH, CANNED_ANSWER: setUp },
  });
  const api = await startApi(authority.url, {
    AUTH_ALLOWED_ORIGINS: ORIGIN,
    AUTH_THROTTLE_IP: NO_THROTTLE,
  });
  try {
    const signIn = async (/** @type {number} */ loop) => {
      const { status, body } = await postForm(
        `${api.url}/api/auth/token`,
        userOf(loop),
        PROXY_HEADERS,
      );
      if (status !== 200 || !body.access_token)
        throw new Error(`proxied sign-in failed: ${status}`);
    };
    const health = async () => {
      const { status } = await requestJson('GET', `${api.url}/api/health`);
      if (status !== 200) throw new Error(`GET /api/health answered ${status}`);
    };
    // A second of each first: the JIT, the proxy's keys and its connection to the authority.
    await clocks['proxy-instant-sign-in-cpu'].time(() => cpuPerCall(api.pid, 1, signIn));
    await clocks['proxy-instant-health-cpu'].time(() => cpuPerCall(api.pid, 1, health));
    for (let run = 0; run < runs; run++) {
      await clocks['proxy-instant-sign-in-cpu'].sample(() => cpuPerCall(api.pid, seconds, signIn));
      await clocks['proxy-instant-health-cpu'].sample(() => cpuPerCall(api.pid, seconds, health));
    }
    return figures(clocks);
  } finally {
    await Promise.all([api.stop(), authority.stop()]);
  }
}

/**
 * @param {ReturnType<typeof clocksFor<ReturnType<typeof budgets>>>} clocks
 * @returns {Figure[]}
 */
function figures(clocks) {
  const how = (/** @type {string} */ load) =>
    `Process CPU of the api (user + system from /proc: every thread, garbage collection and the ` +
    `host included) over each run ÷ its calls; ${CONCURRENCY} closed loops of the bench's ` +
    `keep-alive client, ${load}.`;
  const signIns =
    'alice and bob in turn, against an authority that answers at once with a canned answer of ' +
    "the emulator's (its own process)";
  return [
    {
      ...clocks['proxy-instant-sign-in-cpu'].fields(),
      title: "the api's CPU per proxied sign-in under load (instant authority, host included)",
      unit: 'ms CPU',
      note: `${how(signIns)} Per sign-in: the CSRF and origin checks, the form, the per-client counter, the account's failure budget reserved and settled, the forward over a kept-alive connection, the token answer checked, the JWE session cookie sealed and the JWS device cookie signed (jose; WebCrypto runs both on libuv's thread pool), and the Functions host around it.`,
    },
    {
      ...clocks['proxy-instant-health-cpu'].fields(),
      title: "the api's CPU per GET /api/health under the same load (the host's share)",
      unit: 'ms CPU',
      note: `${how('GET /api/health on the same api')} Runs interleaved with the sign-ins'.`,
    },
    {
      ...clocks['proxy-instant-own-cpu'].fields((signIn, health) => signIn - health),
      title: "the sign-in proxy's own CPU per sign-in under load (sign-in − health, per run)",
      unit: 'ms CPU',
      goal: { atMost: 1 },
      note: 'Goal: at most 1 ms. What a sign-in costs the api beyond what any request costs the host: the work listed two figures up, and the larger request and answer the host carries.',
    },
  ];
}
