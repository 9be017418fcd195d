// The B2C emulator against this machine's limits: refresh-grant throughput against the RS256 sign
// rate (two signatures per response), password-grant throughput against the argon2id rate, the
// cost of a locked-out rejection against a password check, and process start to first token.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repeat, throughputOf } from '../lib/measure.mjs';
import {
  BENCH_TENANT,
  CLIENT_ID,
  EMULATOR_BIN,
  passwordForm,
  processCpuSeconds,
  startEmulator,
  tokenRequest,
} from '../lib/emulator-process.mjs';

const ALICE = ['alice@contoso.com', 'Alice-Passw0rd!'];
const CONCURRENCY = 8;

async function refreshThroughput(url, seconds) {
  const chains = [];
  for (let loop = 0; loop < CONCURRENCY; loop++) {
    chains.push((await tokenRequest(url, passwordForm(...ALICE))).body.refresh_token);
  }
  return throughputOf(
    async (loop) => {
      const { status, body } = await tokenRequest(url, {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: chains[loop],
        response_type: 'token id_token',
      });
      if (status !== 200) throw new Error(`refresh failed: ${status} ${body.error_description}`);
      chains[loop] = body.refresh_token;
    },
    { concurrency: CONCURRENCY, seconds },
  );
}

async function passwordThroughput(url, seconds) {
  return throughputOf(
    async () => {
      const { status } = await tokenRequest(url, passwordForm(...ALICE));
      if (status !== 200) throw new Error(`sign-in failed: ${status}`);
    },
    { concurrency: CONCURRENCY, seconds },
  );
}

/** Emulator CPU per request while `fn` runs in closed loops for `seconds`. */
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
 */
async function lockoutCost(emulator, seconds) {
  const bob = (password) => passwordForm('bob@contoso.com', password);
  const checks = await cpuPerRequest(emulator, seconds, (_loop, index) =>
    tokenRequest(emulator.url, bob(`wrong-${index}`), {
      'x-forwarded-for': `10.1.${(index >> 8) & 255}.${index & 255}`,
    }),
  );
  const lockedIp = { 'x-forwarded-for': '192.0.2.1' };
  for (let index = 0; index < 10; index++)
    await tokenRequest(emulator.url, bob(`lock-${index}`), lockedIp);
  const locked = await cpuPerRequest(emulator, seconds, async () => {
    const { body } = await tokenRequest(emulator.url, bob('Bob-Passw0rd!'), lockedIp);
    if (!String(body.error_description).startsWith('AADB2C90114'))
      throw new Error('expected a lockout');
  });
  return { checks, locked };
}

/** Wall time from spawning the bin to the first 200 from the token endpoint. */
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
  const port = await new Promise((resolve) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /on http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
  });
  const { status } = await tokenRequest(`http://127.0.0.1:${port}`, passwordForm(...ALICE));
  const elapsed = performance.now() - start;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  if (status !== 200) throw new Error('no token');
  return elapsed;
}

export async function run({ runs, seconds, limits }) {
  const emulator = await startEmulator();
  try {
    const signRate = limits['rs256-sign'].median;
    const argonRate = limits['argon2id'].median;
    const refresh = await repeat(runs, () => refreshThroughput(emulator.url, seconds));
    const password = await repeat(runs, () => passwordThroughput(emulator.url, seconds));
    const cost = await lockoutCost(emulator, seconds);
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
    const firstStart = await startToFirstToken(dataDir);
    const restart = await repeat(runs, () => startToFirstToken(dataDir));
    rmSync(dataDir, { recursive: true, force: true });
    return [
      {
        id: 'emulator-refresh',
        title: `emulator refresh grant, ${CONCURRENCY} connections`,
        unit: 'req/s',
        value: refresh,
        baseline: { title: 'single-core RS256 signs / 2', value: signRate / 2 },
        goal: { min: 0.8 },
      },
      {
        id: 'emulator-password',
        title: `emulator password grant, ${CONCURRENCY} connections`,
        unit: 'req/s',
        value: password,
        baseline: { title: 'single-core argon2id rate', value: argonRate },
        goal: { min: 0.9 },
      },
      {
        id: 'emulator-lockout',
        title: 'locked-out rejection, server CPU per request',
        unit: 'ms',
        value: { min: cost.locked, median: cost.locked, max: cost.locked, runs: 1 },
        baseline: { title: 'wrong-password check, server CPU ms per request', value: cost.checks },
        goal: { cheaperBy: 20 },
      },
      {
        id: 'emulator-cold-start',
        title: 'emulator process start to first token (keys on disk)',
        unit: 'ms',
        value: restart,
        goal: { maxAbsolute: 1000 },
      },
      {
        id: 'emulator-first-start',
        title: 'emulator first start to first token (keys generated)',
        unit: 'ms',
        value: { min: firstStart, median: firstStart, max: firstStart, runs: 1 },
        goal: { maxAbsolute: 1000 },
      },
    ];
  } finally {
    await emulator.stop();
  }
}
