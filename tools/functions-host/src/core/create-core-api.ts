import type { CoreApi } from './core-types';
import { Disposable } from './disposable';
import type { WorkerRuntime } from './worker-runtime';

/** Reported as the worker version; apps rarely read it, but it must say what runs them. */
export const STAND_IN_WORKER_VERSION = '0.0.0-functions-host';
/** Reported as the Functions host version. */
export const STAND_IN_HOST_VERSION = '4.0.0-functions-host';

/**
 * Builds the object that `require('@azure/functions-core')` returns for one app, as the worker's
 * `setupCoreModule` does: registrations, hooks, the programming model and system logs all land in
 * `runtime`.
 */
export function createCoreApi(runtime: WorkerRuntime): CoreApi {
  return {
    version: STAND_IN_WORKER_VERSION,
    hostVersion: STAND_IN_HOST_VERSION,
    registerFunction: (metadata, callback) => runtime.registerFunction(metadata, callback),
    registerHook: (hookName, callback) => runtime.registerHook(hookName, callback),
    setProgrammingModel: (programmingModel) => {
      runtime.programmingModel = programmingModel;
    },
    getProgrammingModel: () => runtime.programmingModel,
    log: (level, category, message) => {
      runtime.log({ level, category, message });
    },
    Disposable,
  };
}
