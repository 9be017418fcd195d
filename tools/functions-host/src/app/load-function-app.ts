import { createHookContext } from '../core/hook-context';
import { realModuleSystem } from '../core/real-module-system';
import { WorkerRuntime } from '../core/worker-runtime';
import type { HostLogger } from '../host-logger';
import { applyEnvironment } from './apply-environment';
import { readLocalSettings } from './read-local-settings';
import { readRoutePrefix } from './read-route-prefix';
import { requireEntryPoints } from './require-entry-points';
import { resolveEntryPoints } from './resolve-entry-points';

/** A started function app, ready to be served. */
export interface LoadedFunctionApp {
  readonly runtime: WorkerRuntime;
  readonly routePrefix: string;
  readonly localHttpPort: number | undefined;
  /** The real `process.env`, which the app sees. */
  readonly env: NodeJS.ProcessEnv;
  /** What each entry file exports, in load order. */
  readonly entryExports: readonly unknown[];
  /** Puts back the variables set for the app. */
  restoreEnvironment(): void;
}

/**
 * Starts the app as `func start` and the worker do: read host.json and local.settings.json, set
 * the environment, load the entry points, run appStart hooks, then close registration.
 */
export async function loadFunctionApp(
  appDir: string,
  envOverrides: Readonly<Record<string, string>>,
  logger: HostLogger,
): Promise<LoadedFunctionApp> {
  const routePrefix = readRoutePrefix(appDir);
  const settings = readLocalSettings(appDir);
  const entryPoints = resolveEntryPoints(appDir);
  const moduleSystem = realModuleSystem(appDir);
  const env = moduleSystem.process.env;
  const restoreEnvironment = applyEnvironment(env, envOverrides, settings.values);
  const runtime = new WorkerRuntime(appDir, (entry) => {
    logger.worker(entry);
  });
  let entryExports: unknown[];
  try {
    entryExports = requireEntryPoints(moduleSystem, runtime, entryPoints);
    if (runtime.functions.size === 0) logger.warn(`${appDir} registered no functions.`);
    const { appLevelHookData: hookData, appHookData } = runtime;
    const appStart = createHookContext({ hookData, appHookData, functionAppDirectory: appDir }, {});
    await runtime.executeHooks('appStart', appStart);
    await checkCapabilities(runtime);
    runtime.finishStartup();
  } catch (error) {
    restoreEnvironment();
    throw error;
  }
  return {
    runtime,
    routePrefix,
    localHttpPort: settings.localHttpPort,
    env,
    entryExports,
    restoreEnvironment,
  };
}

/**
 * Asks the programming model for its capabilities, as the worker does at init; this also locks the
 * library's `app.setup`. HTTP streaming would need the host to proxy requests to the library's own
 * server, which this host does not do, so it fails startup instead of hanging requests.
 */
async function checkCapabilities(runtime: WorkerRuntime): Promise<void> {
  const capabilities = (await runtime.programmingModel?.getCapabilities?.({})) ?? {};
  if (capabilities['HttpUri']) {
    throw new Error('HTTP streaming (app.setup({ enableHttpStream: true })) is not supported.');
  }
}
