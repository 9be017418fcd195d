import type { CoreApi } from './core-types';
import type { RealModuleSystem } from './real-module-system';

const CORE_MODULE_ID = '@azure/functions-core';

/** Kept on `Module.prototype` under a registry symbol: one hook per process, whatever realm. */
const STATE_KEY = Symbol.for('@ropc/functions-host/core-module-stand-in');

interface StandInState {
  active: CoreApi | undefined;
}

type PatchablePrototype = RealModuleSystem['modulePrototype'] & { [STATE_KEY]?: StandInState };

/**
 * Runs `load` with `require('@azure/functions-core')` answering `coreApi`, the way the worker's
 * `setupCoreModule` overrides `Module.prototype.require`. The library asks once, on its first
 * registration, and keeps the answer, so each app keeps talking to its own core API after `load`.
 * Outside `load` the module is unresolvable again (the library's "test mode").
 */
export function withCoreModule<T>(
  moduleSystem: RealModuleSystem,
  coreApi: CoreApi,
  load: () => T,
): T {
  const state = installOnce(moduleSystem.modulePrototype);
  const previous = state.active;
  state.active = coreApi;
  try {
    return load();
  } finally {
    state.active = previous;
  }
}

function installOnce(prototype: PatchablePrototype): StandInState {
  const existing = prototype[STATE_KEY];
  if (existing) return existing;
  const state: StandInState = { active: undefined };
  prototype.require = new Proxy(prototype.require, {
    apply(target, thisArg, args: unknown[]) {
      if (args[0] === CORE_MODULE_ID && state.active) return state.active;
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
  Object.defineProperty(prototype, STATE_KEY, { value: state });
  return state;
}
