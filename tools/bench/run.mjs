#!/usr/bin/env node
// `npm run bench`: builds what it measures (from the Nx cache when unchanged), runs every suite
// with bounded time, prints one summary line per figure and writes BENCHMARKS.md. Never part of
// `npm test`. Load goes to loopback only. Every figure has a time budget (see lib/budget.mjs);
// the whole run, build included, is meant to finish within 10 minutes on a 2-core machine.
// BENCH_RUNS (default 3) and BENCH_SECONDS (default 3) set runs per figure and seconds per run.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUITE_LIMIT_SECONDS, budgetSeconds } from './lib/budget.mjs';
import { markdownReport, summaryLine } from './lib/report.mjs';
import * as limits from './suites/limits.mjs';
import * as emulator from './suites/emulator.mjs';
import * as tokenValidation from './suites/token-validation.mjs';
import * as api from './suites/api.mjs';
import * as proxy from './suites/proxy.mjs';
import * as startup from './suites/startup.mjs';
import * as storage from './suites/storage.mjs';
import * as web from './suites/web.mjs';

const root = join(import.meta.dirname, '..', '..');
const options = {
  runs: Number(process.env.BENCH_RUNS ?? 3),
  seconds: Number(process.env.BENCH_SECONDS ?? 3),
};
if (!Number.isInteger(options.runs) || options.runs < 1 || !(options.seconds > 0)) {
  console.error('BENCH_RUNS must be a whole number ≥ 1 and BENCH_SECONDS a number > 0.');
  process.exit(2);
}
const suites = {
  limits,
  emulator,
  'token-validation': tokenValidation,
  api,
  proxy,
  startup,
  storage,
  web,
};

const startedAt = new Date().toISOString();
const buildStarted = performance.now();
const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'b2c-emulator,api,functions-host,web'],
  { cwd: root, stdio: 'inherit', timeout: (SUITE_LIMIT_SECONDS / 2) * 1000 },
);
if (build.status !== 0) {
  console.error(`bench: the build failed${build.error ? ` (${build.error.message})` : ''}.`);
  process.exit(build.status || 1);
}
const buildSeconds = (performance.now() - buildStarted) / 1000;

const planned = Object.values(suites).reduce(
  (sum, suite) => sum + budgetSeconds(suite.budgets(options)),
  0,
);
console.log(
  `\nbench: ${options.runs} runs of ${options.seconds} s per figure; figure budgets ${Math.round(planned)} s in all, build ${Math.round(buildSeconds)} s, limit ${SUITE_LIMIT_SECONDS} s for the whole run.`,
);
if (buildSeconds + planned > SUITE_LIMIT_SECONDS)
  console.log(`bench: warning: these options plan more than the ${SUITE_LIMIT_SECONDS} s limit.`);

const figures = [];
const report = (produced) => {
  for (const figure of produced) console.log(summaryLine(figure));
  figures.push(...produced);
};

/** Every figure a suite budgets appears in the report: one it did not produce gets a stand-in. */
function missingFigures(budgets, produced, reason) {
  const seconds = (budget) =>
    Array.isArray(budget) ? budget.reduce((sum, id) => sum + seconds(budgets[id]), 0) : budget;
  return Object.entries(budgets)
    .filter(([id]) => !produced.some((figure) => figure.id === id))
    .map(([id, budget]) => ({
      id,
      title: id,
      unit: '',
      value: undefined,
      error: reason,
      budget: { seconds: seconds(budget), elapsed: 0, over: false },
    }));
}

for (const [name, suite] of Object.entries(suites)) {
  const budgets = suite.budgets(options);
  const measured = Object.fromEntries(figures.map((figure) => [figure.id, figure.value]));
  let produced = [];
  let reason = `the ${name} suite did not produce it`;
  try {
    produced = await suite.run({ ...options, limits: measured });
  } catch (error) {
    reason = `the ${name} suite failed: ${error instanceof Error ? error.message : String(error)}`;
    console.log(`bench: ${reason}`);
  }
  report([...produced, ...missingFigures(budgets, produced, reason)]);
}

const durationSeconds = performance.now() / 1000; // since this process started
writeFileSync(
  join(root, 'BENCHMARKS.md'),
  markdownReport(figures, { startedAt, durationSeconds, buildSeconds, ...options }),
);
const over = figures.filter((figure) => figure.budget?.over).length;
const failed = figures.filter((figure) => figure.value === undefined).length;
const within = durationSeconds <= SUITE_LIMIT_SECONDS;
console.log(
  `\nWrote BENCHMARKS.md. Total ${Math.round(durationSeconds)} s (build ${Math.round(buildSeconds)} s, measuring ${Math.round(durationSeconds - buildSeconds)} s), ${within ? 'within' : 'OVER'} the ${SUITE_LIMIT_SECONDS} s limit; ${figures.length} figures, ${over} over budget, ${failed} without a value.`,
);
if (failed > 0) process.exitCode = 1;
