import type { RpcLogCategory, RpcLogLevel } from './core-types';

/** One log message from the app, the library or the host, before formatting. */
export interface WorkerLogEntry {
  readonly level: RpcLogLevel;
  readonly category: RpcLogCategory;
  readonly message: string;
  /** Set for logs written during an invocation. */
  readonly functionName?: string;
  readonly invocationId?: string;
}

/** Where a {@link WorkerLogEntry} goes once log hooks have run. */
export type WorkerLogSink = (entry: WorkerLogEntry) => void;
