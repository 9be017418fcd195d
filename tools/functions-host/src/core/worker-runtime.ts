import { applyLogHooks } from './apply-log-hooks';
import type {
  FunctionCallback,
  FunctionMetadata,
  HookCallback,
  HookData,
  HookName,
  ProgrammingModel,
  RpcFunctionMetadata,
} from './core-types';
import { Disposable } from './disposable';
import type { WorkerLogEntry, WorkerLogSink } from './worker-log-entry';

/** A function the app registered through `registerFunction`. */
export interface RegisteredFunction {
  readonly metadata: RpcFunctionMetadata;
  readonly callback: FunctionCallback;
}

const HOOK_NAMES: readonly HookName[] = [
  'appStart',
  'appTerminate',
  'preInvocation',
  'postInvocation',
  'log',
];

/**
 * What the Node.js worker keeps for one function app: registered functions, hooks, hook data and
 * the programming model. One per running host, so two apps can be served in one process.
 */
export class WorkerRuntime {
  readonly functions = new Map<string, RegisteredFunction>();
  /** Shared by every hook of the app. */
  readonly appHookData: HookData = {};
  /** `hookData` of the app-level hooks (appStart, appTerminate). */
  readonly appLevelHookData: HookData = {};
  programmingModel: ProgrammingModel | undefined;
  readonly #hooks = new Map<string, HookCallback[]>(HOOK_NAMES.map((name) => [name, []]));
  #startupFinished = false;

  constructor(
    readonly functionAppDirectory: string,
    private readonly sink: WorkerLogSink,
  ) {}

  /** The core API's `registerFunction`; only allowed while the app starts, as in the worker. */
  registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): Disposable {
    this.#assertStarting('registered');
    const functionId = metadata.functionId ?? metadata.name;
    if (this.functions.has(functionId)) {
      throw new Error(`A function named "${metadata.name}" is already registered.`);
    }
    const directory = this.functionAppDirectory;
    this.functions.set(functionId, {
      metadata: { ...metadata, functionId, directory, scriptFile: 'n/a' },
      callback,
    });
    return new Disposable(() => {
      this.#assertStarting('disposed');
      this.functions.delete(functionId);
    });
  }

  /** The core API's `registerHook`; unknown names throw a RangeError like the worker's. */
  registerHook(hookName: string, callback: HookCallback): Disposable {
    const hooks = this.#hooksNamed(hookName);
    hooks.push(callback);
    return new Disposable(() => {
      const index = hooks.indexOf(callback);
      if (index >= 0) hooks.splice(index, 1);
    });
  }

  /** Ends the registration window. */
  finishStartup(): void {
    this.#startupFinished = true;
  }

  /** Whether any hook of this kind is registered (the invocation path skips empty phases). */
  hasHooks(hookName: HookName): boolean {
    return this.#hooksNamed(hookName).length > 0;
  }

  /** Runs the hooks of one kind in registration order; a throwing hook stops the chain. */
  async executeHooks(hookName: HookName, context: object): Promise<void> {
    for (const hook of [...this.#hooksNamed(hookName)]) await hook(context);
  }

  /** Passes a log entry through the `log` hooks to the sink. */
  log(entry: WorkerLogEntry, invocationContext?: unknown): void {
    let final = entry;
    try {
      final = applyLogHooks(this.#hooksNamed('log'), entry, this.appHookData, invocationContext);
    } catch (error) {
      this.sink({
        level: 'error',
        category: 'system',
        message: `A log hook failed: ${String(error)}`,
      });
    }
    this.sink(final);
  }

  #hooksNamed(hookName: string): HookCallback[] {
    const hooks = this.#hooks.get(hookName);
    if (!hooks) {
      throw Object.assign(new RangeError(`Unrecognized hook "${hookName}"`), {
        isAzureFunctionsSystemError: true,
      });
    }
    return hooks;
  }

  #assertStarting(action: string): void {
    if (this.#startupFinished) {
      throw new Error(`A function can only be ${action} during app startup.`);
    }
  }
}
