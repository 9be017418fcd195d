import type {
  CoreInvocationContext,
  InvocationState,
  RpcFunctionMetadata,
  RpcInvocationRequest,
  RpcLogCategory,
  RpcLogLevel,
} from './core-types';
import type { WorkerRuntime } from './worker-runtime';

/** The worker's `CoreInvocationContext`: request, metadata, phase and a log that names the call. */
export class HostInvocationContext implements CoreInvocationContext {
  readonly invocationId: string;
  /** Read by the library to tell a late `context.log` from one in a postInvocation hook. */
  state?: InvocationState;
  /** The library's `InvocationContext`, once `getArguments` made it; passed to log hooks. */
  invocationContext: unknown;

  constructor(
    private readonly runtime: WorkerRuntime,
    readonly metadata: RpcFunctionMetadata,
    readonly request: RpcInvocationRequest,
  ) {
    this.invocationId = request.invocationId;
  }

  /**
   * Logs on behalf of the invocation (user logs from `context.log`, system logs from the library).
   */
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void {
    const { name: functionName } = this.metadata;
    const entry = { level, category, message, functionName, invocationId: this.invocationId };
    this.runtime.log(entry, this.invocationContext);
  }

  /** Runs one phase with `state` set, as the worker does around hooks and the handler. */
  async during<T>(state: InvocationState, phase: () => Promise<T>): Promise<T> {
    this.state = state;
    try {
      return await phase();
    } finally {
      this.state = undefined;
    }
  }
}
