import path from 'node:path';
import { createCoreApi } from '../core/create-core-api';
import { withCoreModule } from '../core/core-module-stand-in';
import type { CoreApi } from '../core/core-types';
import type { RealModuleSystem } from '../core/real-module-system';
import type { WorkerRuntime } from '../core/worker-runtime';

/**
 * Loads the app's entry files with Node's real `require` while `@azure/functions-core` answers
 * with the runtime's core API (or `coreApi`), so `app.http(...)` and friends register with this
 * host. Returns what each entry file exports.
 *
 * Cached copies of the app's own files and of its `@azure/functions` are evicted first: a module
 * registers only when it runs, and a library copy from an earlier load keeps the core API (or the
 * "test mode") it first saw. Each load thus behaves like a fresh worker process.
 */
export function requireEntryPoints(
  moduleSystem: RealModuleSystem,
  runtime: WorkerRuntime,
  entryPoints: readonly string[],
  coreApi: CoreApi = createCoreApi(runtime),
): unknown[] {
  evictFromCache(moduleSystem, runtime.functionAppDirectory);
  const exported: unknown[] = [];
  withCoreModule(moduleSystem, coreApi, () => {
    for (const entryPoint of entryPoints) {
      if (entryPoint.endsWith('.mjs')) {
        throw new Error(
          `${entryPoint}: ES module entry points are not supported; build to CommonJS.`,
        );
      }
      exported.push(moduleSystem.require(entryPoint));
    }
  });
  return exported;
}

function evictFromCache(moduleSystem: RealModuleSystem, appDir: string): void {
  const appRoot = path.resolve(appDir) + path.sep;
  const libraryRoot = libraryDirectory(moduleSystem);
  const inNodeModules = `${path.sep}node_modules${path.sep}`;
  for (const file of Object.keys(moduleSystem.require.cache)) {
    const ownFile = file.startsWith(appRoot) && !file.slice(appRoot.length).includes(inNodeModules);
    if (ownFile || (libraryRoot !== undefined && file.startsWith(libraryRoot))) {
      Reflect.deleteProperty(moduleSystem.require.cache, file);
    }
  }
}

function libraryDirectory(moduleSystem: RealModuleSystem): string | undefined {
  try {
    return path.dirname(moduleSystem.require.resolve('@azure/functions/package.json')) + path.sep;
  } catch {
    return undefined;
  }
}
