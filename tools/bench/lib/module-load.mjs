// @ts-check
// Module load time of a built Functions app: the require() of its entry file(s) through the
// functions host's own loading path, timed inside a fresh node process (see module-load-child.mjs).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ROOT } from './emulator-process.mjs';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, 'module-load-child.mjs');

/**
 * Bundles the host's app-loading and invocation modules from tools/functions-host/src; returns the
 * bundle path.
 */
export async function buildHostLoader() {
  const host = './tools/functions-host/src';
  const outfile = join(ROOT, 'tmp', 'bench', 'functions-host-loader.cjs');
  await build({
    stdin: {
      contents: [
        `export { WorkerRuntime } from '${host}/core/worker-runtime';`,
        `export { realModuleSystem } from '${host}/core/real-module-system';`,
        `export { requireEntryPoints } from '${host}/app/require-entry-points';`,
        `export { resolveEntryPoints } from '${host}/app/resolve-entry-points';`,
        `export { loadFunctionApp } from '${host}/app/load-function-app';`,
        `export { createHostLogger } from '${host}/host-logger';`,
        `export { invokeFunction } from '${host}/core/invoke-function';`,
        `export { toHttpInvocationRequest } from '${host}/http/to-http-invocation-request';`,
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'functions-host-loader.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    tsconfig: join(ROOT, 'tools', 'functions-host', 'tsconfig.lib.json'),
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Milliseconds the require() of `appDir`'s entry files took in a fresh node process.
 * @param {string} loader The bundle of buildHostLoader().
 * @param {string} appDir
 */
export async function moduleLoadMs(loader, appDir) {
  const { stdout } = await run(process.execPath, [CHILD, loader, appDir], {
    cwd: ROOT,
    env: { PATH: process.env.PATH },
    timeout: 30_000,
  });
  /** @type {unknown} */
  const printed = JSON.parse(String(stdout.trim().split('\n').pop()));
  const { ms, functions } = /** @type {{ ms: number, functions: number }} */ (printed);
  // Registrations prove that the stand-in answered (without it the library skips them silently).
  if (!(functions > 0)) throw new Error(`${appDir} registered no functions while loading`);
  return ms;
}
