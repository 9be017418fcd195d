import nodeModule from 'node:module';
import path from 'node:path';

/** Node's own CommonJS loader, reached even from inside Jest's module registry. */
export interface RealModuleSystem {
  /** `Module.prototype` of Node's loader: where the worker hooks `require`. */
  readonly modulePrototype: object & { require: (id: string) => unknown };
  /** A real `require` that resolves from `directory`. */
  readonly require: NodeJS.Require;
  /** The real `process` (Jest hands test code a copy whose `env` the app would not see). */
  readonly process: NodeJS.Process;
}

/**
 * Finds Node's CommonJS loader. Under Jest, `node:module` is a subclass whose `createRequire` goes
 * through Jest's registry, which neither runs `Module.prototype.require` nor shares `process.env`
 * with code loaded by Node; so walk up to the class that owns `prototype.require`.
 */
export function realModuleSystem(directory: string): RealModuleSystem {
  let candidate: unknown = nodeModule;
  while (!ownsRequire(candidate)) {
    const parent: unknown = Object.getPrototypeOf(candidate);
    if (typeof parent !== 'function') {
      throw new Error("Cannot find Node's CommonJS loader (Module.prototype.require).");
    }
    candidate = parent;
  }
  const loader = candidate as typeof nodeModule;
  const realRequire = loader.createRequire(path.join(directory, 'package.json'));
  return {
    modulePrototype: loader.prototype,
    require: realRequire,
    process: realRequire('node:process') as NodeJS.Process,
  };
}

function ownsRequire(candidate: unknown): boolean {
  if (typeof candidate !== 'function') return false;
  const prototype = (candidate as { prototype?: unknown }).prototype;
  return typeof prototype === 'object' && prototype !== null && Object.hasOwn(prototype, 'require');
}
