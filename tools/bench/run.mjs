#!/usr/bin/env node
// @ts-check
// `npm run bench`: builds what it measures (from the Nx cache when unchanged), runs every suite
// with bounded time, prints one summary line per figure and writes BENCHMARKS.md. Never part of
// `npm test`. Load goes to loopback only. Every figure has a time budget (see lib/budget.mjs);
// the whole run, build included, is meant to finish within 10 minutes on a 2-core machine.
// BENCH_RUNS (default 3) and BENCH_SECONDS (default 3) set runs per figure and seconds per run.
// `npm run bench -- <suite>...` runs only the suites named and leaves BENCHMARKS.md as it is.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SUITE_LIMIT_SECONDS, budgetSeconds } from './lib/budget.mjs';
import { markdownReport, summaryLine } from './lib/report.mjs';
import * as limits from './suites/limits.mjs';
import * as emulator from './suites/emulator.mjs';
import * as tokenValidation from './suites/token-validation.mjs';
import * as api from './suites/api.mjs';
import * as proxy from './suites/proxy.mjs';
import * as proxyCpu from './suites/proxy-cpu.mjs';
import * as nativeProxy from './suites/native-proxy.mjs';
import * as startup from './suites/startup.mjs';
import * as storage from './suites/storage.mjs';
import * as scale from './suites/scale.mjs';
import * as web from './suites/web.mjs';

/** @import { BenchOptions, Budgets } from './lib/budget.mjs' */
/** @import { Summary } from './lib/measure.mjs' */
/** @import { Figure } from './lib/report.mjs' */

/**
 * What a suite's run gets: the options, and every figure measured before it, by id.
 * @typedef {BenchOptions & { limits: Record<string, Summary | undefined> }} SuiteOptions
 */

/**
 * A suite of figures: their budgets at the run's options, and the run that measures them.
 * @typedef {object} Suite
 * @property {(options: BenchOptions) => Budgets} budgets
 * @property {(options: SuiteOptions) => Promise<Figure[]>} run
 */

const root = join(import.meta.dirname, '..', '..');
/**
 * Every suite, in the order they run: the emulator's baselines are the limits suite's figures.
 * @type {Record<string, Suite>}
 */
const suites = {
  limits,
  emulator,
  'token-validation': tokenValidation,
  api,
  proxy,
  'proxy-cpu': proxyCpu,
  'native-proxy': nativeProxy,
  startup,
  storage,
  scale,
  web,
};
const USAGE = `usage: npm run bench [-- <suite>...]

Builds what the suites measure, runs every suite (or only the ones named, in the order below) and
prints one line per figure. A run of every suite writes BENCHMARKS.md; a run of some leaves it as
it is.

suites: ${Object.keys(suites).join(', ')}
BENCH_RUNS (default 3) runs per figure, BENCH_SECONDS (default 3) seconds per run.
See tools/bench/README.md.`;

/** The suites named on the command line (none: all of them); exits on --help or a wrong name. */
function namedSuites() {
  try {
    const { values, positionals } = parseArgs({
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const unknown = positionals.filter((name) => !Object.hasOwn(suites, name));
    if (unknown.length === 0) return positionals;
    console.error(`bench: no suite named ${unknown.join(', ')}.\n\n${USAGE}`);
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  process.exit(2);
}

const named = namedSuites();
const selected =
  named.length === 0
    ? suites
    : Object.fromEntries(Object.entries(suites).filter(([name]) => named.includes(name)));
const options = {
  runs: Number(process.env.BENCH_RUNS ?? 3),
  seconds: Number(process.env.BENCH_SECONDS ?? 3),
};
if (!Number.isInteger(options.runs) || options.runs < 1 || !(options.seconds > 0)) {
  console.error('BENCH_RUNS must be a whole number ≥ 1 and BENCH_SECONDS a number > 0.');
  process.exit(2);
}

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

const planned = Object.values(selected).reduce(
  (sum, suite) => sum + budgetSeconds(suite.budgets(options)),
  0,
);
console.log(
  `\nbench: ${options.runs} runs of ${options.seconds} s per figure; figure budgets ${Math.round(planned)} s in all, build ${Math.round(buildSeconds)} s, limit ${SUITE_LIMIT_SECONDS} s for the whole run.`,
);
if (buildSeconds + planned > SUITE_LIMIT_SECONDS)
  console.log(`bench: warning: these options plan more than the ${SUITE_LIMIT_SECONDS} s limit.`);

/** @type {Figure[]} */
const figures = [];
const report = (/** @type {Figure[]} */ produced) => {
  for (const figure of produced) console.log(summaryLine(figure));
  figures.push(...produced);
};

/**
 * Every figure a suite budgets appears in the report: one it did not produce gets a stand-in.
 * @param {Budgets} budgets
 * @param {Figure[]} produced
 * @param {string} reason
 * @returns {Figure[]}
 */
function missingFigures(budgets, produced, reason) {
  /** @type {(budget: Budgets[string] | undefined) => number} */
  const seconds = (budget) =>
    typeof budget === 'object'
      ? budget.reduce((sum, id) => sum + seconds(budgets[id]), 0)
      : /** @type {number} */ (budget);
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

for (const [name, suite] of Object.entries(selected)) {
  const budgets = suite.budgets(options);
  const measured = Object.fromEntries(figures.map((figure) => [figure.id, figure.value]));
  /** @type {Figure[]} */
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
// BENCHMARKS.md reports every suite: a partial run would drop the others' figures.
if (named.length === 0) {
  writeFileSync(
    join(root, 'BENCHMARKS.md'),
    markdownReport(figures, { startedAt, durationSeconds, buildSeconds, ...options }),
  );
}
const over = figures.filter((figure) => figure.budget?.over).length;
const failed = figures.filter((figure) => figure.value === undefined).length;
const within = durationSeconds <= SUITE_LIMIT_SECONDS;
const written =
  named.length === 0 ? 'Wrote BENCHMARKS.md.' : `Ran ${named.join(', ')}; BENCHMARKS.md unchanged.`;
console.log(
  `\n${written} Total ${Math.round(durationSeconds)} s (build ${Math.round(buildSeconds)} s, measuring ${Math.round(durationSeconds - buildSeconds)} s), ${within ? 'within' : 'OVER'} the ${SUITE_LIMIT_SECONDS} s limit; ${figures.length} figures, ${over} over budget, ${failed} without a value.`,
);
if (failed > 0) process.exitCode = 1;
