// @ts-check
// The web client: what the auth library adds to the initial bundle (estimated transfer size as
// printed by the Angular builder, against the bench-only build without the auth provider and
// interceptor), and sign-in to the profile measured in Chromium on loopback for both authority
// kinds (web-sign-in.mjs).
import { spawnSync } from 'node:child_process';
import { ROOT } from '../lib/emulator-process.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { signInBudgets, signInFigures } from './web-sign-in.mjs';

/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

/**
 * Builds a configuration of the web app and reads "Initial total ... estimated transfer" (kB). The
 * build comes from the Nx cache when its inputs are unchanged (Nx replays the builder's output,
 * table included); only if the table is missing is it built again without the cache.
 * @param {string} configuration
 * @param {number} timeoutMs
 */
function initialTransferKb(configuration, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  let output = '';
  for (const flags of [[], ['--skip-nx-cache']]) {
    const build = spawnSync('npx', ['nx', 'build', 'web', '-c', configuration, ...flags], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: Math.max(1000, Math.floor(deadline - performance.now())),
    });
    output = `${build.stdout}${build.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    if (build.error) throw new Error(`web build (${configuration}): ${build.error.message}`);
    const match = /Initial total\s*\|\s*[\d.]+ kB\s*\|\s*([\d.]+) kB/.exec(output);
    if (build.status === 0 && match) return Number(match[1]);
    if (build.status !== 0) break;
  }
  throw new Error(`web build (${configuration}) failed:\n${output.slice(-2000)}`);
}

/**
 * Figure id → time budget (seconds) at these options.
 * @param {Pick<BenchOptions, 'runs'>} options
 */
export function budgets({ runs }) {
  return {
    // A web build from the Nx cache takes seconds; a real one (inputs changed) tens of seconds.
    'web-initial': 50,
    'web-auth-added': 50,
    ...signInBudgets({ runs }),
  };
}

/**
 * @param {Pick<BenchOptions, 'runs'>} options
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs }) {
  const clocks = clocksFor(budgets({ runs }));
  const withAuth = await clocks['web-initial'].time(() =>
    initialTransferKb('production', clocks['web-initial'].remainingMs),
  );
  const withoutAuth = await clocks['web-auth-added'].time(() =>
    initialTransferKb('bench', clocks['web-auth-added'].remainingMs),
  );
  const one = (/** @type {number | undefined} */ value) =>
    value === undefined ? undefined : { min: value, median: value, max: value, runs: 1 };
  const added =
    withAuth === undefined || withoutAuth === undefined ? undefined : withAuth - withoutAuth;
  if (withAuth === undefined) clocks['web-auth-added'].error ??= 'web-initial has no value';
  return [
    {
      ...clocks['web-initial'].fields(one(withAuth)),
      title: 'web initial bundle, estimated transfer',
      unit: 'kB',
    },
    {
      ...clocks['web-auth-added'].fields(one(added)),
      title: 'auth provider and interceptor added to the initial bundle (estimated transfer)',
      unit: 'kB',
      goal: { maxAbsolute: 6 },
    },
    ...(await signInFigures(clocks, { runs })),
  ];
}
