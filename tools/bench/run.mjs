#!/usr/bin/env node
// `npm run bench`: builds what it measures (from the Nx cache when unchanged), runs every suite
// with bounded time, prints one summary line per figure and writes BENCHMARKS.md. Never part of
// `npm test`. Load goes to loopback only.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownReport, summaryLine } from './lib/report.mjs';
import * as limits from './suites/limits.mjs';
import * as emulator from './suites/emulator.mjs';
import * as tokenValidation from './suites/token-validation.mjs';
import * as api from './suites/api.mjs';
import * as web from './suites/web.mjs';

const root = join(import.meta.dirname, '..', '..');
const options = {
  runs: Number(process.env.BENCH_RUNS ?? 3),
  seconds: Number(process.env.BENCH_SECONDS ?? 3),
};

const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'b2c-emulator,api,functions-host,web'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const startedAt = new Date().toISOString();
const started = performance.now();
const figures = [];
const report = (produced) => {
  for (const figure of produced) console.log(summaryLine(figure));
  figures.push(...produced);
};

report(await limits.run(options));
const measured = Object.fromEntries(figures.map((figure) => [figure.id, figure.value]));
report(await emulator.run({ ...options, limits: measured }));
report(await tokenValidation.run(options));
report(await api.run(options));
report(await web.run(options));

const durationSeconds = (performance.now() - started) / 1000;
writeFileSync(
  join(root, 'BENCHMARKS.md'),
  markdownReport(figures, { startedAt, durationSeconds, ...options }),
);
console.log(`\nWrote BENCHMARKS.md (${Math.round(durationSeconds)} s).`);
