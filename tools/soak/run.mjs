#!/usr/bin/env node
// @ts-check
// `npm run soak`: ten minutes (SOAK_SECONDS) of steady mixed load against the emulator and the API
// on Azurite, memory sampled every few seconds. Writes SOAK.md and soak-chart.svg, and fails on
// any error answer, a lost note, a broken session, memory that keeps growing (10 % or more after
// warm-up) or a p99 that does not stay flat (the last window's more than twice the first's).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApi } from '../bench/lib/api-process.mjs';
import { startAzurite } from '../bench/lib/azurite-process.mjs';
import { startEmulator } from '../bench/lib/emulator-process.mjs';
import { requestJson } from '../bench/lib/http-client.mjs';
import { chartSvg, memoryGrowth, percentile, soakMarkdown } from './lib/soak-report.mjs';
import { runVirtualUser } from './lib/virtual-user.mjs';

/** @import { LatencyWindow, MemorySample, SoakSettings } from './lib/soak-report.mjs' */

/**
 * One request a virtual user made.
 * @typedef {object} RequestRecord
 * @property {number} at Date.now() when it was answered.
 * @property {string} kind
 * @property {number} status
 * @property {number} ms
 * @property {boolean} ok
 */

const root = join(import.meta.dirname, '..', '..');
const seconds = Number(process.env.SOAK_SECONDS ?? 600);
/** @type {SoakSettings} */
const settings = {
  seconds,
  minutes: Math.round(seconds / 60),
  users: Number(process.env.SOAK_USERS ?? 8),
  warmUpSeconds: 60,
  sampleSeconds: 5,
  windowSeconds: 30,
  pace: 'six requests, then 250 ms, a refresh every 20 rounds and a new sign-in every 2 minutes',
};
if (!(settings.seconds >= 120) || !Number.isInteger(settings.users) || settings.users < 1) {
  console.error('soak: SOAK_SECONDS must be at least 120 and SOAK_USERS a whole number ≥ 1');
  process.exit(2);
}

/**
 * Resident memory of a process in MiB, from /proc (Linux).
 * @param {number} pid
 */
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'b2c-emulator,api,functions-host'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const azurite = await startAzurite();
const storage = { STORAGE_CONNECTION_STRING: azurite.connectionString };
const emulator = await startEmulator({ env: storage });
const api = await startApi(emulator.url, { ...storage, AUTH_TRUSTED_HOPS: '1' });
/** Stops what the soak started, API and emulator first, so no process outlives a failed run. */
const stopStack = async () => {
  await Promise.all([api.stop(), emulator.stop()]);
  await azurite.stop();
};
const admin = { authorization: 'Bearer bench-admin-key' };
const users = [];
for (let index = 0; index < settings.users; index++) {
  const username = `soak${index}@contoso.com`;
  const password = `Soak-${index}-Passw0rd!`;
  const created = await requestJson('POST', `${emulator.url}/v1.0/users`, {
    headers: admin,
    json: {
      displayName: `Soak ${index}`,
      identities: [
        {
          signInType: 'emailAddress',
          issuer: 'contoso.onmicrosoft.com',
          issuerAssignedId: username,
        },
      ],
      passwordProfile: { password, forceChangePasswordNextSignIn: false },
    },
  });
  if (created.status !== 201) {
    await stopStack();
    throw new Error(`soak: creating ${username} answered ${created.status}`);
  }
  users.push({ username, password });
}

const startedAt = Date.now();
const endsAt = startedAt + settings.seconds * 1000;
const warmUpEndsAt = startedAt + settings.warmUpSeconds * 1000;
/** @type {RequestRecord[]} */
const requests = [];
/** @type {string[]} */
const problems = [];
/** @type {{ api: MemorySample[], emulator: MemorySample[] }} */
const memory = { api: [], emulator: [] };
const sample = () => {
  const at = Date.now();
  memory.api.push({ at, rss: rssMiB(api.pid) });
  memory.emulator.push({ at, rss: rssMiB(emulator.pid) });
};
sample();
const sampler = setInterval(sample, settings.sampleSeconds * 1000);
const progress = setInterval(() => {
  const errors = requests.filter((r) => !r.ok).length;
  console.log(
    `soak: ${Math.round((Date.now() - startedAt) / 1000)} s, ${requests.length} requests, ${errors} errors, api ${memory.api.at(-1)?.rss.toFixed(0)} MiB`,
  );
}, 60_000);
console.log(
  `soak: ${settings.users} users for ${settings.seconds} s against the API and the emulator on Azurite`,
);
try {
  await Promise.all(
    users.map((user, index) =>
      runVirtualUser({
        apiUrl: api.url,
        user,
        clientIp: `10.77.0.${index + 1}`,
        until: () => Date.now() >= endsAt,
        record: (kind, status, ms, ok) => requests.push({ at: Date.now(), kind, status, ms, ok }),
        problem: (text) => problems.push(`${new Date().toISOString()} ${text}`),
      }),
    ),
  );
} finally {
  clearInterval(sampler);
  clearInterval(progress);
  sample();
  await stopStack();
}

/** @type {LatencyWindow[]} */
const windows = [];
for (let start = startedAt; start < endsAt; start += settings.windowSeconds * 1000) {
  const end = start + settings.windowSeconds * 1000;
  const inWindow = requests.filter((r) => r.at >= start && r.at < end);
  const ms = inWindow.map((r) => r.ms);
  windows.push({
    start,
    end,
    requests: inWindow.length,
    errors: inWindow.filter((r) => !r.ok).length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
  });
}
const judged = windows.filter((w) => w.start >= warmUpEndsAt);
const all = requests.map((r) => r.ms);
const totals = {
  requests: requests.length,
  errors: requests.filter((r) => !r.ok).length,
  p50: percentile(all, 50),
  p95: percentile(all, 95),
  p99: percentile(all, 99),
};
const growth = {
  api: memoryGrowth(memory.api, warmUpEndsAt, endsAt),
  emulator: memoryGrowth(memory.emulator, warmUpEndsAt, endsAt),
};
const firstP99 = judged[0]?.p99;
const lastP99 = judged.at(-1)?.p99;
const verdicts = [
  {
    goal: 'no error answer (5xx or any unexpected status)',
    measured: `${totals.errors} of ${totals.requests}`,
    met: totals.errors === 0,
  },
  {
    goal: 'no lost note, no broken session',
    measured: `${problems.filter((p) => /missing|not found|session broken/.test(p)).length}`,
    met: !problems.some((p) => /missing|not found|session broken/.test(p)),
  },
  ...Object.entries(growth).map(([name, g]) => ({
    goal: `${name} RSS growth after warm-up < 10 %`,
    measured: g
      ? `${(g.growth * 100).toFixed(1)} % (${g.first.toFixed(0)} → ${g.last.toFixed(0)} MiB)`
      : 'not measured',
    met: g !== undefined && g.growth < 0.1,
  })),
  {
    goal: 'flat p99: the last window at most twice the first after warm-up',
    measured: `${firstP99?.toFixed(1)} → ${lastP99?.toFixed(1)} ms`,
    met: firstP99 !== undefined && lastP99 !== undefined && lastP99 <= 2 * firstP99,
  },
];
writeFileSync(
  join(root, 'SOAK.md'),
  soakMarkdown({
    verdicts,
    totals,
    windows,
    growth,
    problems,
    settings,
    startedAt: new Date(startedAt),
  }),
);
writeFileSync(join(root, 'soak-chart.svg'), chartSvg({ memory, windows, startedAt, endsAt }));
for (const verdict of verdicts)
  console.log(`soak: ${verdict.met ? 'met' : 'MISSED'} — ${verdict.goal}: ${verdict.measured}`);
console.log('soak: wrote SOAK.md and soak-chart.svg');
process.exit(verdicts.every((verdict) => verdict.met) ? 0 : 1);
