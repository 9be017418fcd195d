// @ts-check
// Azurite's table service for a benchmark, from the test support of @ropc/table-storage (bundled
// by esbuild): its npm package on a free loopback port, in memory, telemetry off.
import { loadLibrary } from './bundle-library.mjs';

/** @import { AzuriteOptions, RunningAzurite } from '@ropc/table-storage/testing' */

/**
 * @param {AzuriteOptions} [options]
 * @returns {Promise<RunningAzurite>}
 */
export async function startAzurite(options) {
  const library = await loadLibrary('libs/table-storage/src/testing/index.ts', 'azurite');
  const { startAzurite: start } = /** @type {typeof import('@ropc/table-storage/testing')} */ (
    library
  );
  return start(options);
}
