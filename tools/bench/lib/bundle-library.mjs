// @ts-check
// Bundles a TypeScript library entry with esbuild so that a plain-JS benchmark can load it, with
// its ESM-only dependencies (jose) inlined.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './emulator-process.mjs';

/**
 * Bundles `entry` to tmp/bench/<name>.cjs and requires it; the caller names the module's type.
 * @param {string} entry A path from the workspace root.
 * @param {string} name
 * @returns {Promise<unknown>}
 */
export async function loadLibrary(entry, name) {
  const outfile = join(ROOT, 'tmp', 'bench', `${name}.cjs`);
  await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    tsconfig: join(ROOT, 'tsconfig.base.json'),
    // Azurite is started from its own package directory, found at run time.
    external: ['@azure/functions', 'azurite'],
    logLevel: 'warning',
  });
  /** @type {unknown} */
  const library = createRequire(import.meta.url)(outfile);
  return library;
}
