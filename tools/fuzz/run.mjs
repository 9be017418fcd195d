#!/usr/bin/env node
// @ts-check
// `npm run fuzz`: the property-based fuzz suites (`*.fuzz.spec.ts`) run long — each property for
// up to FUZZ_SECONDS (default 60) with as many inputs as fit — with a fresh seed, printed at the
// start and the end so that a failure replays: `FUZZ_SEED=<seed> npm run fuzz`. `npm test` runs
// the same suites briefly with one fixed seed.
//
//   npm run fuzz [-- --seconds N] [-- --seed S]
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: { seconds: { type: 'string' }, seed: { type: 'string' } },
});
const seconds = Number(values.seconds ?? process.env.FUZZ_SECONDS ?? 60);
const seed = Number(values.seed ?? process.env.FUZZ_SEED ?? randomInt(1, 2 ** 31));
if (!Number.isInteger(seed) || !(seconds > 0)) {
  console.error('fuzz: --seed must be an integer and --seconds a positive number');
  process.exit(2);
}
/** The projects with fuzz suites, in the order they run. */
const projects = ['libs/protocol', 'apps/b2c-emulator', 'apps/api'];
const env = {
  ...process.env,
  FUZZ_SEED: String(seed),
  FUZZ_SECONDS: String(seconds),
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '1000000',
};

console.log(`fuzz: seed ${seed}, up to ${seconds} s per property`);
const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'b2c-emulator,api,functions-host'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);
let failed = false;
for (const project of projects) {
  const run = spawnSync(
    'npx',
    [
      'jest',
      '-c',
      join(project, 'jest.config.cjs'),
      '--testPathPatterns',
      '\\.fuzz\\.spec\\.ts$',
      '--runInBand',
    ],
    { cwd: root, stdio: 'inherit', env },
  );
  failed ||= run.status !== 0;
}
console.log(
  failed
    ? `fuzz: FAILED with seed ${seed} — replay with FUZZ_SEED=${seed} npm run fuzz (the failure above names the path)`
    : `fuzz: passed with seed ${seed}`,
);
process.exit(failed ? 1 : 0);
