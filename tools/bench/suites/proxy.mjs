// @ts-check
// The sign-in proxy's overhead: POST /api/auth/token through the api (which forwards the password
// grant to the emulator) against POSTing the same user's password grant to the emulator's token
// endpoint directly, at the same concurrency and duration as the emulator's figures; and the
// latency the proxy adds to one sign-in (median of sequential sign-ins, proxied minus direct).
// The api's per-client limit is raised for the bench only, so that it does not limit the rate.
// The same api then serves the attack figures (attack.mjs), whose baseline is the api's CPU per
// proxied sign-in measured here.
import { startApi } from '../lib/api-process.mjs';
import { attackBudgets, attackFigures } from './attack.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { postForm } from '../lib/http-client.mjs';
import {
  passwordForm,
  processCpuSeconds,
  startEmulator,
  tokenRequest,
} from '../lib/emulator-process.mjs';
import { summarize, throughputOf } from '../lib/measure.mjs';

/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { JsonAnswer, JsonBody } from '../lib/http-client.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

/**
 * Signs in the user of closed loop `loop` (default 0), directly or through the proxy.
 * @typedef {(loop?: number) => Promise<JsonAnswer<JsonBody>>} SignIn
 */

const CONCURRENCY = 8; // as the emulator's password-grant figure
const LATENCY_SAMPLES = 20; // sequential sign-ins per run and per path
const ORIGIN = 'http://localhost:4200';
/**
 * The loops sign in alice and bob in turn: a sign-in holds a slot of its account's failure budget
 * (4) while in flight, so one account cannot have all ${CONCURRENCY} in flight at once.
 */
const USERS = [
  passwordForm('alice@contoso.com', 'Alice-Passw0rd!'),
  passwordForm('bob@contoso.com', 'Bob-Passw0rd!'),
];
const userOf = (/** @type {number} */ loop) =>
  /** @type {Record<string, string>} */ (USERS[loop % USERS.length]);
/** The CSRF check of /api/auth/*: the custom header, and an allowed Origin. */
const PROXY_HEADERS = { 'x-requested-with': 'XMLHttpRequest', origin: ORIGIN };
/** Far above what a few seconds of load can reach: the throttles must not shape the rate. */
const NO_THROTTLE = '1000000/60';

/**
 * Figure id → time budget (seconds) at these options.
 * @param {BenchOptions} options
 */
export function budgets({ runs, seconds }) {
  return {
    'proxy-sign-in': 5 + runs * (seconds + 1),
    'direct-sign-in': 5 + runs * (seconds + 1),
    'proxy-added-latency': 10 + runs * 4,
    ...attackBudgets({ runs, seconds }),
  };
}

/**
 * `post(loop)` signs a user in; closed loops for `seconds`; returns sign-ins per second.
 * @param {SignIn} post
 * @param {number} seconds
 */
function signInThroughput(post, seconds) {
  return throughputOf(
    async (loop) => {
      const { status, body } = await post(loop);
      if (status !== 200 || !body.access_token)
        throw new Error(`sign-in failed: ${status} ${body.error_description ?? ''}`);
    },
    { concurrency: CONCURRENCY, seconds },
  );
}

/**
 * Latency (ms) of one sign-in.
 * @param {SignIn} post
 */
async function latencyOf(post) {
  const start = performance.now();
  const { status } = await post();
  const elapsed = performance.now() - start;
  if (status !== 200) throw new Error(`sign-in failed: ${status}`);
  return elapsed;
}

/**
 * Medians of `count` sequential sign-ins each way, alternating direct and proxied.
 * @param {SignIn} direct
 * @param {SignIn} proxied
 * @param {number} count
 */
async function medianLatencies(direct, proxied, count) {
  /** @type {{ direct: number[], proxied: number[] }} */
  const samples = { direct: [], proxied: [] };
  for (let index = 0; index < count; index++) {
    samples.direct.push(await latencyOf(direct));
    samples.proxied.push(await latencyOf(proxied));
  }
  return { direct: summarize(samples.direct).median, proxied: summarize(samples.proxied).median };
}

/**
 * @param {BenchOptions} options
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs, seconds }) {
  const clocks = clocksFor(budgets({ runs, seconds }));
  const emulator = await startEmulator();
  // One trusted hop, so that the attack can name its clients in X-Forwarded-For.
  const api = await startApi(emulator.url, {
    AUTH_ALLOWED_ORIGINS: ORIGIN,
    AUTH_THROTTLE_IP: NO_THROTTLE,
    AUTH_TRUSTED_HOPS: '1',
  });
  try {
    /** @type {SignIn} */
    const direct = (loop = 0) => tokenRequest(emulator.url, userOf(loop));
    /** @type {SignIn} */
    const proxied = (loop = 0) =>
      postForm(`${api.url}/api/auth/token`, userOf(loop), PROXY_HEADERS);
    // One of each first: the proxy's first sign-in loads its upstream client and cookie keys.
    for (const post of [direct, proxied]) {
      const { status, body } = await post();
      if (status !== 200) throw new Error(`warm-up sign-in failed: ${status} ${body.error}`);
    }
    // Interleaved runs, so that drift (other load on the machine) hits both paths alike.
    /** @type {number[]} */
    const proxyCpu = [];
    for (let run = 0; run < runs; run++) {
      await clocks['direct-sign-in'].sample(() => signInThroughput(direct, seconds));
      await clocks['proxy-sign-in'].sample(async () => {
        let count = 0;
        const before = processCpuSeconds(api.pid);
        const rate = await signInThroughput((loop) => {
          count++;
          return proxied(loop);
        }, seconds);
        proxyCpu.push(((processCpuSeconds(api.pid) - before) * 1000) / count);
        return rate;
      });
    }
    /** @type {number[]} */
    const directMedians = [];
    await clocks['proxy-added-latency'].repeat(runs, async () => {
      const medians = await medianLatencies(direct, proxied, LATENCY_SAMPLES);
      directMedians.push(medians.direct);
      return medians.proxied - medians.direct;
    });
    const directRate = clocks['direct-sign-in'].summary();
    const cpuPerSignIn = proxyCpu.length > 0 ? summarize(proxyCpu).median : undefined;
    const attack = await attackFigures(api, clocks, { runs, seconds }, cpuPerSignIn);
    const stack = `The api (local Functions host) and the emulator (its bin) each run in their own process, loaded by the bench's node:http keep-alive client in ${CONCURRENCY} closed loops; all three share this machine's cores, so the proxy's CPU competes with the emulator's argon2id. The api's per-client sign-in limit is raised for the bench (AUTH_THROTTLE_IP ${NO_THROTTLE}; right passwords spend no failure budget); the bench tenant has no per-IP limit. The proxy also encrypts the session cookie (JWE) on every sign-in.`;
    return [
      {
        ...clocks['proxy-sign-in'].fields(),
        title: `POST /api/auth/token through the sign-in proxy, ${CONCURRENCY} connections`,
        unit: 'req/s',
        baseline: {
          title: 'the same sign-in posted to the emulator directly',
          value: directRate?.median,
        },
        note: `Informational ratio (proxy ÷ direct), no goal set. The api's own CPU per proxied sign-in: ${cpuPerSignIn?.toFixed(2) ?? '—'} ms (median over the runs). Same users (alice and bob in turn), forms, concurrency and duration; the proxy request carries X-Requested-With and an allowed Origin (its CSRF check). Runs interleaved with the direct ones. ${stack}`,
      },
      {
        ...clocks['direct-sign-in'].fields(),
        title: `password grant posted to the emulator directly (proxy baseline), ${CONCURRENCY} connections`,
        unit: 'req/s',
      },
      {
        ...clocks['proxy-added-latency'].fields(),
        title: 'latency the sign-in proxy adds to one sign-in (median)',
        unit: 'ms',
        note: `Per run: median of ${LATENCY_SAMPLES} sequential sign-ins through the proxy minus the median of ${LATENCY_SAMPLES} direct ones, alternating (direct medians ${directMedians.map((ms) => ms.toFixed(1)).join(', ')} ms). No goal set.`,
      },
      ...attack,
    ];
  } finally {
    await Promise.all([api.stop(), emulator.stop()]);
  }
}
