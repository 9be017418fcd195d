// @ts-check
// The API on the local Functions host: protected GET /api/me against anonymous GET /api/health
// (verified-token cache warm at 10 and 20 connections, and off), and the host's /api/health
// against an empty node:http server answering the same JSON (autocannon, loopback), with each
// server's CPU per request and the CPU the @azure/functions invocation alone costs without HTTP.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { autocannonRate, autocannonRateAndCpu } from '../lib/autocannon-rate.mjs';
import { apiSettings, startApi } from '../lib/api-process.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { passwordForm, ROOT, startEmulator, tokenRequest } from '../lib/emulator-process.mjs';
import { buildHostLoader } from '../lib/module-load.mjs';
import { startScriptServer } from '../lib/script-server.mjs';

/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

const NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';
const INVOCATION_CHILD = join(import.meta.dirname, '..', 'lib', 'invocation-cost-child.mjs');
const runChild = promisify(execFile);

/**
 * Figure id → time budget (seconds) at these options (a 1 s warm-up, then the runs).
 * @param {BenchOptions} options
 */
export function budgets({ runs, seconds }) {
  const each = 5 + runs * (seconds + 1);
  return {
    'api-health': each,
    'api-health-cpu': 1,
    'api-me-cached': each,
    'api-health-20': each,
    'api-me-cached-20': each,
    'api-me-cached-vs-health': ['api-me-cached', 'api-health'],
    'api-me-cached-20-vs-health': ['api-me-cached-20', 'api-health-20'],
    'api-me-uncached': each,
    'empty-http': each,
    'empty-http-cpu': 1,
    'functions-invocation-cpu': 10 + runs * (seconds + 2),
    'me-invocation-cpu': 2 + runs * (seconds + 2),
  };
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
    // Run by run, in turn, so that a ratio compares runs made under the same conditions.
    for (let run = 0; run < runs; run++) {
      const warmUp = run === 0;
      const health = await clocks['api-health'].time(() =>
        autocannonRateAndCpu(`${api.url}/api/health`, { seconds, warmUp, pid: api.pid }),
      );
      if (health) {
        await clocks['api-health'].sample(() => health.rate);
        await clocks['api-health-cpu'].sample(() => health.cpuMicrosPerRequest);
      }
      await clocks['api-me-cached'].sample(() =>
        autocannonRate(`${api.url}/api/me`, { seconds, warmUp, headers }),
      );
      await clocks['api-health-20'].sample(() =>
        autocannonRate(`${api.url}/api/health`, { seconds, warmUp, connections: 20 }),
      );
      await clocks['api-me-cached-20'].sample(() =>
        autocannonRate(`${api.url}/api/me`, { seconds, warmUp, headers, connections: 20 }),
      );
      await clocks['api-me-uncached'].sample(() =>
        autocannonRate(`${uncached.url}/api/me`, { seconds, warmUp, headers }),
      );
      const bare = await clocks['empty-http'].time(() =>
        autocannonRateAndCpu(empty.url, { seconds, warmUp, pid: empty.pid }),
      );
      if (bare) {
        await clocks['empty-http'].sample(() => bare.rate);
        await clocks['empty-http-cpu'].sample(() => bare.cpuMicrosPerRequest);
      }
    }
    const loader = await clocks['functions-invocation-cpu'].time(buildHostLoader);
    if (loader) {
      for (let run = 0; run < runs; run++) {
        await clocks['functions-invocation-cpu'].sample(() =>
          invocationCpuMicros(loader, emulator.url, seconds, 'health'),
        );
        await clocks['me-invocation-cpu'].sample(() =>
          invocationCpuMicros(loader, emulator.url, seconds, 'me', headers.authorization),
        );
      }
    }
    return figures(clocks);
  } finally {
    await Promise.all([api.stop(), uncached.stop(), emulator.stop(), empty.stop()]);
  }
}

/**
 * CPU µs of one GET invocation of `fn` (`health` or `me`) without HTTP, in a fresh process (see
 * the child), with `authorization` as the request's Authorization header when given.
 * @param {string} loader
 * @param {string} emulatorUrl
 * @param {number} seconds
 * @param {'health' | 'me'} fn
 * @param {string} [authorization]
 */
async function invocationCpuMicros(loader, emulatorUrl, seconds, fn, authorization) {
  const env = {
    PATH: process.env.PATH,
    ...apiSettings(emulatorUrl),
    ...(authorization ? { INVOCATION_AUTHORIZATION: authorization } : {}),
  };
  const { stdout } = await runChild(
    process.execPath,
    [INVOCATION_CHILD, loader, join(ROOT, 'dist', 'apps', 'api'), fn, `/api/${fn}`, `${seconds}`],
    { cwd: ROOT, env, timeout: 60_000 },
  );
  /** @type {unknown} */
  const printed = JSON.parse(String(stdout.trim().split('\n').pop()));
  return /** @type {{ cpuMicros: number }} */ (printed).cpuMicros;
}

/**
 * @param {ReturnType<typeof clocksFor<ReturnType<typeof budgets>>>} clocks
 * @returns {Figure[]}
 */
function figures(clocks) {
  const health = clocks['api-health'].summary()?.median;
  const health20 = clocks['api-health-20'].summary()?.median;
  const hostCpu = clocks['api-health-cpu'].summary()?.median;
  const emptyCpu = clocks['empty-http-cpu'].summary()?.median;
  const invocationCpu = clocks['functions-invocation-cpu'].summary()?.median;
  const ceiling =
    emptyCpu !== undefined && invocationCpu !== undefined
      ? emptyCpu / (emptyCpu + invocationCpu)
      : undefined;
  return [
    {
      ...clocks['api-health'].fields(),
      title: 'GET /api/health on the local Functions host',
      unit: 'req/s',
      baseline: {
        title: 'empty node:http server, same JSON',
        value: clocks['empty-http'].summary()?.median,
      },
      goal: { min: 0.5 },
      note:
        'autocannon, 10 connections, runs interleaved with the other figures of the suite. What ' +
        `bounds it: per request the host process spends ${micros(hostCpu)} of CPU where the empty ` +
        `server spends ${micros(emptyCpu)}, and @azure/functions' own invocation alone (no HTTP: its ` +
        `HttpRequest with an undici Request inside, InvocationContext, the handler, its ` +
        `HttpResponse read back through a web stream; functions-invocation-cpu) takes ` +
        `${micros(invocationCpu)}. Even a host that cost nothing beyond node:http would spend ` +
        "the empty server's CPU plus the invocation's per request, so per unit of CPU it could " +
        `serve at most empty ÷ (empty + invocation) = ` +
        `${ceiling === undefined ? '—' : `${ceiling.toFixed(2)}×`} of the empty server's requests ` +
        "while handlers receive the library's HttpRequest and return its HttpResponse, which " +
        'this host keeps on purpose (the app runs unchanged on Azure). (The rate ratio can sit a ' +
        "little above that bound: at tens of thousands of requests a second the empty server's " +
        'rate is held by the load generator, which shares the cores, not by its own CPU.) The ' +
        "profile of the host's remaining share: garbage collection of the library's objects, and " +
        'the write of the answer (the kernel waking the client).',
    },
    {
      ...clocks['api-health-cpu'].fields(),
      title: "GET /api/health, the host process's CPU per request",
      unit: 'µs',
      baseline: { title: "empty node:http server's CPU per request", value: emptyCpu },
      note: 'Process CPU (user + system, /proc) over each measured health run ÷ its answers.',
    },
    {
      ...clocks['functions-invocation-cpu'].fields(),
      title: 'GET /api/health invocation through @azure/functions alone, no HTTP, CPU per request',
      unit: 'µs',
      baseline: { title: "empty node:http server's CPU per request", value: emptyCpu },
      note:
        "A fresh process loads dist/apps/api with the host's own loader (appStart hooks run), " +
        "then loops: the host's toHttpInvocationRequest and invokeFunction drive the library's " +
        'InvocationModel (getArguments → handler → getResponse) for GET /api/health; process CPU ÷ ' +
        'invocations after a 1 s warm-up. Everything the host does around it over HTTP is left out.',
    },
    {
      ...clocks['api-me-cached'].fields(),
      title: 'GET /api/me, verified-token cache warm',
      unit: 'req/s',
      baseline: { title: 'GET /api/health', value: health },
      goal: { min: 0.95 },
      note: meNote(hostCpu, invocationCpu, clocks['me-invocation-cpu'].summary()?.median),
    },
    {
      ...clocks['me-invocation-cpu'].fields(),
      title: 'GET /api/me invocation through @azure/functions alone, no HTTP, CPU per request',
      unit: 'µs',
      baseline: { title: 'the same for GET /api/health, µs', value: invocationCpu },
      note: "As functions-invocation-cpu, for GET /api/me with alice's access token in the Authorization header (the verified-token cache warm after the first call); runs interleaved with the health ones.",
    },
    {
      ...clocks['api-me-cached-vs-health'].fields((me, h) => me / h),
      title: 'GET /api/me (cache warm) ÷ GET /api/health, per interleaved run, 10 connections',
      unit: '×',
      versus: 'api-me-cached ÷ api-health',
    },
    {
      ...clocks['api-me-cached-20'].fields(),
      title: 'GET /api/me, verified-token cache warm, 20 connections',
      unit: 'req/s',
      baseline: { title: 'GET /api/health, 20 connections', value: health20 },
      goal: { min: 0.95 },
    },
    {
      ...clocks['api-me-cached-20-vs-health'].fields((me, h) => me / h),
      title: 'GET /api/me (cache warm) ÷ GET /api/health, per interleaved run, 20 connections',
      unit: '×',
      versus: 'api-me-cached-20 ÷ api-health-20',
    },
    {
      ...clocks['api-health-20'].fields(),
      title: 'GET /api/health on the local Functions host, 20 connections',
      unit: 'req/s',
    },
    {
      ...clocks['api-me-uncached'].fields(),
      title: 'GET /api/me, verified-token cache off',
      unit: 'req/s',
      baseline: { title: 'GET /api/health', value: health },
      goal: { min: 0.5 },
    },
    {
      ...clocks['empty-http'].fields(),
      title: 'empty node:http server answering {"status":"ok"}',
      unit: 'req/s',
    },
    {
      ...clocks['empty-http-cpu'].fields(),
      title: "empty node:http server's CPU per request",
      unit: 'µs',
    },
  ];
}

/** @param {number | undefined} value */
function micros(value) {
  return value === undefined ? '— µs' : `${value.toFixed(0)} µs`;
}

/**
 * What separates /api/me from /api/health per request, from the CPU figures of the same run.
 * @param {number | undefined} hostCpu The host's CPU per /api/health over HTTP, µs.
 * @param {number | undefined} healthInvocation µs.
 * @param {number | undefined} meInvocation µs.
 */
function meNote(hostCpu, healthInvocation, meInvocation) {
  if (hostCpu === undefined || healthInvocation === undefined || meInvocation === undefined)
    return undefined;
  const extra = meInvocation - healthInvocation;
  return (
    `What bounds it: inside @azure/functions, without HTTP, a GET /api/me invocation costs ` +
    `${meInvocation.toFixed(0)} µs of CPU where /api/health costs ${healthInvocation.toFixed(0)} ` +
    `µs (me-invocation-cpu): ${extra.toFixed(0)} µs more, for carrying the ~1 kB bearer token ` +
    "(its header through the library's undici Headers), reading it, the verified-token cache " +
    "lookup (a SHA-256 of the token, the issuer dispatch's decode of its payload) and the " +
    `claims turned into the answer's JSON. Over HTTP /api/health costs the host ` +
    `${hostCpu.toFixed(0)} µs in all, so /api/me can reach about ` +
    `${(hostCpu / (hostCpu + extra)).toFixed(2)}× of its rate once the api, not the load ` +
    `generator, is the bottleneck (as at 20 connections); 0.95× would need /api/me's own work ` +
    `within ${(hostCpu / 0.95 - hostCpu).toFixed(0)} µs.`
  );
}
