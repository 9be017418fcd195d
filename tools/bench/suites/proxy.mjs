// @ts-check
// The sign-in proxy's overhead: POST /api/auth/token through the api (which forwards the password
// grant to the emulator) against POSTing the same user's password grant to the emulator's token
// endpoint directly, at the same concurrency and duration as the emulator's figures (goal: the
// proxy at least 0.9× direct); the api's CPU per proxied sign-in (goal: at most 1 ms), split into
// the host's share (GET /api/health at the same pace) and the proxy's own work; and the latency
// the proxy adds to one sign-in (median of sequential sign-ins, proxied minus direct).
// The api's per-client limit is raised for the bench only, so that it does not limit the rate.
// The same api then serves the attack figures (attack.mjs), whose baseline is the api's CPU per
// proxied sign-in measured here.
import { startApi } from '../lib/api-process.mjs';
import { attackBudgets, attackFigures } from './attack.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { NO_THROTTLE, ORIGIN, PROXY_HEADERS, userOf } from '../lib/proxy-load.mjs';
import { postForm, requestJson } from '../lib/http-client.mjs';
import { processCpuSeconds, startEmulator, tokenRequest } from '../lib/emulator-process.mjs';
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

/**
 * Figure id → time budget (seconds) at these options.
 * @param {BenchOptions} options
 */
export function budgets({ runs, seconds }) {
  // Derived figures after their sources (clocksFor).
  return {
    'proxy-sign-in': 6 + runs * (seconds + 1),
    'direct-sign-in': 6 + runs * (seconds + 1),
    'proxy-sign-in-cpu': 1,
    'proxy-host-cpu': 2 + runs * (seconds + 1),
    'proxy-own-cpu': ['proxy-sign-in-cpu', 'proxy-host-cpu'],
    'proxy-added-latency': 10 + runs * 4,
    ...attackBudgets({ runs, seconds }),
  };
}

/**
 * `post(loop)` signs a user in; closed loops for `seconds`. Returns sign-ins per second, how many
 * completed, and the CPU (ms) each of `pids` spent per sign-in meanwhile (process CPU from /proc:
 * every thread, garbage collection included).
 * @param {SignIn} post
 * @param {number} seconds
 * @param {readonly number[]} pids
 */
async function signInThroughput(post, seconds, pids) {
  let count = 0;
  const before = pids.map(processCpuSeconds);
  const rate = await throughputOf(
    async (loop) => {
      const { status, body } = await post(loop);
      if (status !== 200 || !body.access_token)
        throw new Error(`sign-in failed: ${status} ${body.error_description ?? ''}`);
      count++;
    },
    { concurrency: CONCURRENCY, seconds },
  );
  const cpuMs = pids.map((pid, index) =>
    count > 0 ? ((processCpuSeconds(pid) - (before[index] ?? 0)) * 1000) / count : NaN,
  );
  return { rate, count, cpuMs };
}

/**
 * The api's CPU (ms) per GET /api/health sent at `perSecond` for `seconds`, one at a time: the
 * host's own cost of a request at the pace the sign-ins came. Per-request costs grow as the rate
 * falls (a process woken per request, caches gone cold), so a figure at a load generator's rate
 * would understate the host's share of a sign-in.
 * @param {{ url: string, pid: number }} api
 * @param {number} perSecond
 * @param {number} seconds
 */
async function pacedHealthCpu(api, perSecond, seconds) {
  const total = Math.max(1, Math.round(perSecond * seconds));
  const start = performance.now();
  const before = processCpuSeconds(api.pid);
  for (let sent = 0; sent < total; sent++) {
    const { status } = await requestJson('GET', `${api.url}/api/health`);
    if (status !== 200) throw new Error(`GET /api/health answered ${status}`);
    const wait = start + ((sent + 1) * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return ((processCpuSeconds(api.pid) - before) * 1000) / total;
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

/** @param {readonly number[]} values */
const msList = (values) => values.map((ms) => ms.toFixed(2)).join(', ');

/** The median of at least one value, or undefined for none. */
const medianOf = (/** @type {readonly number[]} */ values) =>
  values.length > 0 ? summarize(values).median : undefined;

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
    // A second of each first: the proxy's first sign-ins load its upstream client and cookie
    // keys, and the JIT warms both processes, so that no run pays for starting up.
    await clocks['direct-sign-in'].time(() => signInThroughput(direct, 1, []));
    await clocks['proxy-sign-in'].time(() => signInThroughput(proxied, 1, []));
    // Interleaved runs, so that drift (other load on the machine) hits both paths alike.
    /** Per run: the emulator's CPU (ms) per sign-in, direct and proxied; the rates' ratio. */
    const perRun = {
      /** @type {number[]} */ emulatorDirect: [],
      /** @type {number[]} */ emulatorProxied: [],
      /** @type {number[]} */ ratio: [],
    };
    for (let run = 0; run < runs; run++) {
      const straight = await clocks['direct-sign-in'].time(() =>
        signInThroughput(direct, seconds, [emulator.pid]),
      );
      if (straight) {
        await clocks['direct-sign-in'].sample(() => straight.rate);
        perRun.emulatorDirect.push(/** @type {number} */ (straight.cpuMs[0]));
      }
      const through = await clocks['proxy-sign-in'].time(() =>
        signInThroughput(proxied, seconds, [api.pid, emulator.pid]),
      );
      if (!through) continue;
      await clocks['proxy-sign-in'].sample(() => through.rate);
      await clocks['proxy-sign-in-cpu'].sample(() => through.cpuMs[0]);
      perRun.emulatorProxied.push(/** @type {number} */ (through.cpuMs[1]));
      if (straight) perRun.ratio.push(through.rate / straight.rate);
      await clocks['proxy-host-cpu'].sample(() => pacedHealthCpu(api, through.rate, seconds));
    }
    /** @type {number[]} */
    const directMedians = [];
    await clocks['proxy-added-latency'].repeat(runs, async () => {
      const medians = await medianLatencies(direct, proxied, LATENCY_SAMPLES);
      directMedians.push(medians.direct);
      return medians.proxied - medians.direct;
    });
    const directRate = clocks['direct-sign-in'].summary();
    const apiCpu = clocks['proxy-sign-in-cpu'].summary()?.median;
    const hostCpu = clocks['proxy-host-cpu'].summary()?.median;
    const emulatorDirect = medianOf(perRun.emulatorDirect);
    const emulatorProxied = medianOf(perRun.emulatorProxied);
    const attack = await attackFigures(api, clocks, { runs, seconds }, apiCpu);
    const ms = (/** @type {number | undefined} */ value) =>
      value === undefined ? '—' : `${value.toFixed(2)} ms`;
    const ratios = perRun.ratio.length > 0 ? summarize(perRun.ratio) : undefined;
    const ratioRuns = ratios
      ? `Per run, proxy ÷ direct: ${perRun.ratio.map((ratio) => ratio.toFixed(2)).join(', ')} (min ${ratios.min.toFixed(2)}, median ${ratios.median.toFixed(2)}, max ${ratios.max.toFixed(2)}).`
      : '';
    // Both processes on the same cores: when they are CPU-bound, a proxied sign-in needs the
    // emulator's CPU plus the api's where a direct one needs the emulator's alone.
    const cores =
      emulatorDirect !== undefined && emulatorProxied !== undefined && apiCpu !== undefined
        ? `CPU per sign-in (medians over the runs): the emulator ${ms(emulatorDirect)} direct and ${ms(emulatorProxied)} proxied, the api ${ms(apiCpu)}; with the cores the only limit, proxy ÷ direct would be about ${(emulatorDirect / (emulatorProxied + apiCpu)).toFixed(2)}× (emulator direct ÷ (emulator proxied + api); the load client's CPU, the same for both paths, left out).`
        : '';
    const stack = `The api (local Functions host) and the emulator (its bin) each run in their own process, loaded by the bench's node:http keep-alive client in ${CONCURRENCY} closed loops; all three share this machine's cores, so the proxy's CPU competes with the emulator's argon2id. The api's per-client sign-in limit is raised for the bench (AUTH_THROTTLE_IP ${NO_THROTTLE}; right passwords spend no failure budget); the bench tenant has no per-IP limit. The proxy also encrypts the session cookie (JWE) and signs a device cookie (JWS) on every sign-in.`;
    const cpuHow =
      'Process CPU of the api (user + system from /proc: every thread, garbage collection and the host included) over each proxied sign-in run ÷ the sign-ins it completed, after a second of warm-up.';
    return [
      {
        ...clocks['proxy-sign-in'].fields(),
        title: `POST /api/auth/token through the sign-in proxy, ${CONCURRENCY} connections`,
        unit: 'req/s',
        baseline: {
          title: 'the same sign-in posted to the emulator directly',
          value: directRate?.median,
        },
        goal: { min: 0.9 },
        note: `Goal: proxy ÷ direct at least 0.9× (ratio of the medians). ${ratioRuns} ${cores} Same users (alice and bob in turn), forms, concurrency and duration; the proxy request carries X-Requested-With and an allowed Origin (its CSRF check). Runs interleaved with the direct ones. ${stack}`,
      },
      {
        ...clocks['direct-sign-in'].fields(),
        title: `password grant posted to the emulator directly (proxy baseline), ${CONCURRENCY} connections`,
        unit: 'req/s',
      },
      {
        ...clocks['proxy-sign-in-cpu'].fields(),
        title: "the api's CPU per proxied sign-in (host included)",
        unit: 'ms CPU',
        note: `Informational: the goal is on the proxy-cpu suite's figure under load (proxy-instant-own-cpu). ${cpuHow} Per run: ${msList(clocks['proxy-sign-in-cpu'].samples)} ms. The host's share is the next figure, the proxy's own work the one after.`,
      },
      {
        ...clocks['proxy-host-cpu'].fields(),
        title: "the api's CPU per GET /api/health at the sign-ins' pace (the host's share)",
        unit: 'ms CPU',
        note: `What the Functions host and @azure/functions cost one request that does no work, on the same api: after each proxied sign-in run, as many GET /api/health as it completed, one at a time at its rate (per-request costs grow as the rate falls, so the api suite's figure under a load generator would understate this share). Per run: ${msList(clocks['proxy-host-cpu'].samples)} ms. No goal set.`,
      },
      {
        ...clocks['proxy-own-cpu'].fields((signIn, health) => signIn - health),
        title: "the sign-in proxy's own CPU per sign-in (api CPU per sign-in − per health request)",
        unit: 'ms CPU',
        note: `Per run: the api's CPU per proxied sign-in minus its CPU per paced GET /api/health (medians ${ms(apiCpu)} − ${ms(hostCpu)}): the proxy's checks and counters, reading the form, the forward over a kept-alive connection, the JWE session cookie and the JWS device cookie, and the larger request and answer the host carries. No goal set.`,
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
