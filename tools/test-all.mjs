#!/usr/bin/env node
// @ts-check
// `npm test`: every check and every test of the workspace, in the order a reviewer would want them
// to fail: format, lint and typecheck first, then unit and integration tests, then browser tests.
// Ends with one closing line: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './browser/ensure-chromium.mjs';

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, 'tmp', 'test-results');

/**
 * Runs a command in the workspace root with inherited output; true when it exits with 0.
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env] Added to this process's environment.
 */
function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

/** @typedef {{ passed: number, failed: number, skipped: number }} TestCounts */

/**
 * The counts every Jest run wrote (tools/test-summary/jest-summary-reporter.cjs), added up.
 * @returns {TestCounts}
 */
function totals() {
  const sum = { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(resultsDir)) return sum;
  for (const file of readdirSync(resultsDir)) {
    /** @type {unknown} */
    const parsed = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    const part = /** @type {TestCounts} */ (parsed);
    for (const key of /** @type {(keyof TestCounts)[]} */ (Object.keys(sum))) sum[key] += part[key];
  }
  return sum;
}

rmSync(resultsDir, { recursive: true, force: true });
const nx = ['nx'];
const steps = [
  () => run('npx', [...nx, 'format:check', '--all']),
  () => run('npx', [...nx, 'run-many', '-t', 'lint', 'typecheck', '--parallel=2']),
  () => run('npx', [...nx, 'run-many', '-t', 'test', '--parallel=1', '--skip-nx-cache']),
];
// Browser tests: the web client end to end, Microsoft's own External ID SDK against the emulator,
// and the emulator's console page.
for (const project of ['web-e2e', 'external-id-sdk-e2e', 'emulator-console-e2e']) {
  if (existsSync(join(root, 'apps', project))) {
    steps.push(
      () => ensureChromium() && run('npx', [...nx, 'run', `${project}:e2e`, '--skip-nx-cache']),
    );
  }
}

let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}
const { passed, failed, skipped } = totals();
const failedCount = ok ? failed : Math.max(failed, 1);
console.log(
  `\ntests: ${passed} passed, ${failedCount} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(ok && failed === 0 ? 0 : 1);
