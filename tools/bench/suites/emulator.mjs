// @ts-check
// The B2C emulator against this machine's limits: refresh-grant throughput against the RS256 sign
// rate (two signatures per response), password-grant throughput against the argon2id rate, the
// cost of a locked-out rejection against a password check, and process start to first token.
// And against a peer: oauth2-mock-server 8 issuing tokens from its own process on the same
// machine, loaded by the same client with the same forms, concurrency and duration, its runs
// interleaved with the emulator's so that drift (other load, CPU frequency) hits both alike.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { clocksFor } from '../lib/budget.mjs';
import { postForm } from '../lib/http-client.mjs';
import { throughputOf } from '../lib/measure.mjs';
import { startScriptServer } from '../lib/script-server.mjs';
import {
  BENCH_TENANT,
  CLIENT_ID,
  EMULATOR_BIN,
  passwordForm,
  processCpuSeconds,
  startEmulator,
  tokenRequest,
} from '../lib/emulator-process.mjs';

/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { RunningServer } from '../lib/emulator-process.mjs' */
/** @import { JsonAnswer, JsonBody } from '../lib/http-client.mjs' */
/** @import { Summary } from '../lib/measure.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

/**
 * Posts a token request to the server under test.
 * @typedef {(form: Record<string, string>) => Promise<JsonAnswer<JsonBody>>} PostToken
 */

const ALICE = /** @type {const} */ (['alice@contoso.com', 'Alice-Passw0rd!']);
const CONCURRENCY = 8;
const PEER = 'oauth2-mock-server 8.2.3';

/**
 * Figure id → time budget (seconds) at these options; an array names the figures a ratio uses.
 * @param {BenchOptions} options
 */
export function budgets({ runs, seconds }) {
  return {
    'emulator-refresh': 5 + runs * (seconds + 2),
    'peer-refresh': 5 + runs * (seconds + 1),
    'emulator-refresh-vs-peer': ['emulator-refresh', 'peer-refresh'],
    'emulator-refresh-cpu': 1,
    'peer-refresh-cpu': 1,
    'refresh-client-cpu': 1,
    'emulator-password': 5 + runs * (seconds + 1),
    'peer-password': 5 + runs * (seconds + 1),
    'emulator-password-vs-peer': ['emulator-password', 'peer-password'],
    'emulator-lockout': 10 + 2 * seconds,
    'emulator-cold-start': 5 + runs * 2,
    'emulator-first-start': 8,
  };
}

/**
 * Refresh grants per second in closed loops, with the CPU per refresh of the server (process
 * `pid`, from /proc) and of this load client (process.cpuUsage).
 * @param {PostToken} post
 * @param {number} seconds
 * @param {number} pid
 */
async function refreshThroughput(post, seconds, pid) {
  /** @type {(string | undefined)[]} */
  const chains = [];
  for (let loop = 0; loop < CONCURRENCY; loop++) {
    chains.push((await post(passwordForm(...ALICE))).body.refresh_token);
  }
  const serverBefore = processCpuSeconds(pid);
  const clientBefore = process.cpuUsage();
  const rate = await throughputOf(
    async (loop) => {
      const { status, body } = await post({
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: String(chains[loop]),
        response_type: 'token id_token',
      });
      if (status !== 200) throw new Error(`refresh failed: ${status} ${body.error_description}`);
      chains[loop] = body.refresh_token;
    },
    { concurrency: CONCURRENCY, seconds },
  );
  const refreshes = rate * seconds;
  const client = process.cpuUsage(clientBefore);
  return {
    rate,
    serverCpuMs: ((processCpuSeconds(pid) - serverBefore) * 1000) / refreshes,
    clientCpuMs: (client.user + client.system) / 1000 / refreshes,
  };
}

/**
 * @param {PostToken} post
 * @param {number} seconds
 */
async function passwordThroughput(post, seconds) {
  return throughputOf(
    async () => {
      const { status } = await post(passwordForm(...ALICE));
      if (status !== 200) throw new Error(`sign-in failed: ${status}`);
    },
    { concurrency: CONCURRENCY, seconds },
  );
}

/**
 * Emulator CPU per request while `fn` runs in closed loops for `seconds`.
 * @param {RunningServer} emulator
 * @param {number} seconds
 * @param {(loop: number, index: number) => Promise<unknown>} fn
 */
async function cpuPerRequest(emulator, seconds, fn) {
  const before = processCpuSeconds(emulator.pid);
  let count = 0;
  await throughputOf(
    async (loop) => {
      await fn(loop, count++);
    },
    { concurrency: CONCURRENCY, seconds },
  );
  return ((processCpuSeconds(emulator.pid) - before) * 1000) / count;
}

/**
 * Server CPU per request of a wrong-password check (each from its own client IP, so nothing
 * locks) against a locked-out rejection (bob locked from one IP): the cost the lockout saves.
 * @param {RunningServer} emulator
 * @param {number} seconds
 */
async function lockoutCost(emulator, seconds) {
  const bob = (/** @type {string} */ password) => passwordForm('bob@contoso.com', password);
  const checks = await cpuPerRequest(emulator, seconds, (_loop, index) =>
    tokenRequest(emulator.url, bob(`wrong-${index}`), {
      'x-forwarded-for': `10.1.${(index >> 8) & 255}.${index & 255}`,
    }),
  );
  const lockedIp = { 'x-forwarded-for': '192.0.2.1' };
  // Distinct letters: near-identical wrong passwords (`lock-1`, `lock-2`) would share a count.
  for (const letter of 'abcdefghij')
    await tokenRequest(emulator.url, bob(`lock-${letter}`), lockedIp);
  const locked = await cpuPerRequest(emulator, seconds, async () => {
    const { body } = await tokenRequest(emulator.url, bob('Bob-Passw0rd!'), lockedIp);
    if (!String(body.error_description).startsWith('AADB2C90114'))
      throw new Error('expected a lockout');
  });
  return { checks, locked };
}

/**
 * Wall time from spawning the bin to the first 200 from the token endpoint.
 * @param {string} dataDir
 */
async function startToFirstToken(dataDir) {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [EMULATOR_BIN, '--port', '0', '--tenant', BENCH_TENANT, '--data-dir', dataDir],
    {
      env: { PATH: process.env.PATH, B2C_EMULATOR_QUIET: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  try {
    /** @type {string} */
    const port = await new Promise((resolve, reject) => {
      child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
        output += chunk.toString();
        const match = /on http:\/\/localhost:(\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => {
        reject(new Error(`emulator exited with ${code}`));
      });
    });
    const { status } = await tokenRequest(`http://127.0.0.1:${port}`, passwordForm(...ALICE));
    if (status !== 200) throw new Error(`no token: ${status}`);
    return performance.now() - start;
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => {
        child.once('exit', resolve);
      });
      child.kill('SIGTERM');
      await exited;
    }
  }
}

/**
 * @param {BenchOptions & { limits: Readonly<Record<string, Summary | undefined>> }} options
 *   `limits`: the figures measured so far, by id (the limits suite's among them).
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs, seconds, limits }) {
  const clocks = clocksFor(budgets({ runs, seconds }));
  const emulator = await startEmulator();
  const peer = await startScriptServer('mock-oauth2-server.mjs');
  try {
    /** @type {PostToken} */
    const toEmulator = (form) => tokenRequest(emulator.url, form);
    /** @type {PostToken} */
    const toPeer = (form) => postForm(`${peer.url}/token`, form);
    for (let run = 0; run < runs; run++) {
      const ours = await clocks['emulator-refresh'].time(() =>
        refreshThroughput(toEmulator, seconds, emulator.pid),
      );
      const theirs = await clocks['peer-refresh'].time(() =>
        refreshThroughput(toPeer, seconds, peer.pid),
      );
      if (!ours || !theirs) break;
      await clocks['emulator-refresh'].sample(() => ours.rate);
      await clocks['peer-refresh'].sample(() => theirs.rate);
      await clocks['emulator-refresh-cpu'].sample(() => ours.serverCpuMs);
      await clocks['peer-refresh-cpu'].sample(() => theirs.serverCpuMs);
      await clocks['refresh-client-cpu'].sample(() => ours.clientCpuMs);
    }
    for (let run = 0; run < runs; run++) {
      await clocks['emulator-password'].sample(() => passwordThroughput(toEmulator, seconds));
      await clocks['peer-password'].sample(() => passwordThroughput(toPeer, seconds));
    }
    const cost = await clocks['emulator-lockout'].time(() => lockoutCost(emulator, seconds));
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
    const firstStart = await clocks['emulator-first-start'].time(() => startToFirstToken(dataDir));
    await clocks['emulator-cold-start'].repeat(runs, () => startToFirstToken(dataDir));
    rmSync(dataDir, { recursive: true, force: true });
    const one = (/** @type {number | undefined} */ value) =>
      value === undefined ? undefined : { min: value, median: value, max: value, runs: 1 };
    const signRate = limits['rs256-sign']?.median;
    const argonRate = limits['argon2id']?.median;
    /**
     * @param {'emulator-refresh' | 'emulator-password'} ours
     * @param {'peer-refresh' | 'peer-password'} theirs
     */
    const versus = (ours, theirs) => {
      // A failed figure's median prints as NaN.
      const [a = NaN, b = NaN] = [clocks[ours].summary()?.median, clocks[theirs].summary()?.median];
      return `emulator ${Math.round(a)} req/s ÷ ${PEER} ${Math.round(b)} req/s, medians; ratio per interleaved run`;
    };
    const sameLoad = `Same load client (node:http keep-alive, ${CONCURRENCY} closed loops), same form, ${seconds} s per run, runs interleaved with the emulator's; each server in its own process`;
    return [
      {
        ...clocks['emulator-refresh'].fields(),
        title: `emulator refresh grant, ${CONCURRENCY} connections`,
        unit: 'req/s',
        baseline: { title: 'single-core RS256 signs / 2', value: signRate && signRate / 2 },
        goal: { min: 0.8 },
      },
      {
        ...clocks['emulator-refresh-cpu'].fields(),
        title: 'emulator CPU per refresh grant (all its threads)',
        unit: 'ms',
        baseline: {
          title: 'two RS256 signatures on one core, ms',
          value: signRate && 2000 / signRate,
        },
        note: refreshBudgetNote(clocks, signRate),
      },
      {
        ...clocks['peer-refresh-cpu'].fields(),
        title: `${PEER} CPU per refresh_token grant (all its threads)`,
        unit: 'ms',
        baseline: {
          title: 'two RS256 signatures on one core, ms',
          value: signRate && 2000 / signRate,
        },
      },
      {
        ...clocks['refresh-client-cpu'].fields(),
        title: "the bench's load client, CPU per refresh grant it sends",
        unit: 'ms',
      },
      {
        ...clocks['emulator-password'].fields(),
        title: `emulator password grant, ${CONCURRENCY} connections`,
        unit: 'req/s',
        baseline: { title: 'single-core argon2id rate', value: argonRate },
        goal: { min: 0.9 },
      },
      {
        ...clocks['peer-refresh'].fields(),
        title: `${PEER} refresh_token grant, ${CONCURRENCY} connections`,
        unit: 'req/s',
        note: `The peer: ${PEER} on 127.0.0.1 with one RS256 key, POST /token. It accepts any refresh token without looking it up, storing or rotating anything, and signs an access and an id token (RS256, as the emulator). ${sameLoad}.`,
      },
      {
        ...clocks['peer-password'].fields(),
        title: `${PEER} password grant, ${CONCURRENCY} connections`,
        unit: 'req/s',
        note: `${PEER} does no password hashing and checks no credentials (any username and password get tokens), so the emulator's argon2id check (m=19 MiB, t=2) has no counterpart in this rate. ${sameLoad}.`,
      },
      {
        ...clocks['emulator-refresh-vs-peer'].fields((ours, theirs) => ours / theirs),
        title: `emulator refresh grant ÷ ${PEER} refresh_token grant, ${CONCURRENCY} connections`,
        unit: '×',
        versus: versus('emulator-refresh', 'peer-refresh'),
        note: 'Informational, no goal set. Per-run ratio of interleaved runs, min / median / max over the runs.',
      },
      {
        ...clocks['emulator-password-vs-peer'].fields((ours, theirs) => ours / theirs),
        title: `emulator password grant ÷ ${PEER} password grant, ${CONCURRENCY} connections`,
        unit: '×',
        versus: versus('emulator-password', 'peer-password'),
        note: `Informational, no goal set. The peer does no password hashing, the emulator an argon2id check per sign-in: this ratio is bounded by argon2id, not by the server around it. Per-run ratio of interleaved runs.`,
      },
      {
        ...clocks['emulator-lockout'].fields(one(cost?.locked)),
        title: 'locked-out rejection, server CPU per request',
        unit: 'ms',
        baseline: {
          title: 'wrong-password check, server CPU ms per request',
          value: cost?.checks,
        },
        goal: { cheaperBy: 20 },
      },
      {
        ...clocks['emulator-cold-start'].fields(),
        title: 'emulator process start to first token (keys on disk)',
        unit: 'ms',
        goal: { maxAbsolute: 1000 },
      },
      {
        ...clocks['emulator-first-start'].fields(one(firstStart)),
        title: 'emulator first start to first token (keys generated)',
        unit: 'ms',
        goal: { maxAbsolute: 1000 },
      },
    ];
  } finally {
    await Promise.all([emulator.stop(), peer.stop()]);
  }
}

/**
 * What bounds the refresh rate on this machine: the server and the load client share its cores,
 * so no rate can exceed cores ÷ (server CPU + client CPU) per refresh.
 * @param {ReturnType<typeof clocksFor<ReturnType<typeof budgets>>>} clocks
 * @param {number | undefined} signRate Single-core RS256 signs per second.
 */
function refreshBudgetNote(clocks, signRate) {
  const server = clocks['emulator-refresh-cpu'].summary()?.median;
  const client = clocks['refresh-client-cpu'].summary()?.median;
  if (server === undefined || client === undefined || !signRate) return undefined;
  const cores = availableParallelism();
  const ceiling = (cores * 1000) / (server + client);
  const signing = 2000 / signRate;
  return (
    `Process CPU (user + system, /proc, every thread: the signatures run on libuv's pool) over ` +
    `each measured refresh run ÷ its refreshes. The budget of one refresh on this machine: ` +
    `${server.toFixed(2)} ms in the emulator, of which the two signatures are ${signing.toFixed(2)} ms; ` +
    `${client.toFixed(2)} ms in the load client, which shares the ${cores} cores. So no refresh ` +
    `rate here can exceed ${cores} × 1000 ÷ ${(server + client).toFixed(2)} = ` +
    `${Math.round(ceiling)}/s, ${(ceiling / (signRate / 2)).toFixed(2)}× the goal's baseline; the ` +
    `goal of 0.8× would need the emulator and the client together within ` +
    `${((cores * 1000) / (0.8 * (signRate / 2))).toFixed(2)} ms per refresh. The peer, which ` +
    'signs the same two tokens and checks, stores and rotates nothing, costs about as much per ' +
    'grant (peer-refresh-cpu): what is left beside the signatures is the HTTP server, the JWT ' +
    "encoding and the token endpoint's own work."
  );
}
