// @ts-check
// Loads a built Functions app the way tools/functions-host does, in a fresh process, and prints
// how long the require() of its entry file(s) took by this process's own clock:
// `node module-load-child.mjs <host loader bundle> <app dir>` → {"ms":…,"functions":…}.
// The host's own code (bundled from its sources) does the work: the app's package.json "main" is
// resolved, and the entry files are required while `require('@azure/functions-core')` answers
// the host's core API (its Module.prototype.require stand-in), so `app.http(...)` registers.
// appStart hooks do not run: this is the module load alone.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/** @import * as workerRuntime from '../../functions-host/src/core/worker-runtime' */
/** @import * as realModules from '../../functions-host/src/core/real-module-system' */
/** @import * as requireEntries from '../../functions-host/src/app/require-entry-points' */
/** @import * as resolveEntries from '../../functions-host/src/app/resolve-entry-points' */

/**
 * The bundle module-load.mjs builds from the host's sources.
 * @typedef {object} HostLoader
 * @property {typeof workerRuntime.WorkerRuntime} WorkerRuntime
 * @property {typeof realModules.realModuleSystem} realModuleSystem
 * @property {typeof requireEntries.requireEntryPoints} requireEntryPoints
 * @property {typeof resolveEntries.resolveEntryPoints} resolveEntryPoints
 */

const [loaderBundle, appArgument] = /** @type {[string, string]} */ (process.argv.slice(2));
const appDir = resolve(appArgument); // as the host's option resolution does
/** @type {unknown} */
const loader = createRequire(import.meta.url)(loaderBundle);
const { WorkerRuntime, realModuleSystem, requireEntryPoints, resolveEntryPoints } =
  /** @type {HostLoader} */ (loader);

const entryPoints = resolveEntryPoints(appDir);
const moduleSystem = realModuleSystem(appDir);
const runtime = new WorkerRuntime(appDir, () => undefined);
const start = process.hrtime.bigint();
requireEntryPoints(moduleSystem, runtime, entryPoints);
const nanoseconds = process.hrtime.bigint() - start;
console.log(JSON.stringify({ ms: Number(nanoseconds) / 1e6, functions: runtime.functions.size }));
