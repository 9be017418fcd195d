import type { RpcLogLevel } from './core/core-types';
import type { WorkerLogEntry } from './core/worker-log-entry';

/** The host's log lines: requests, app and library logs, host messages. */
export interface HostLogger {
  /** False when request lines are dropped, so the listener need not time requests. */
  readonly logsRequests: boolean;
  /** One line per request; `path` must not contain the query string. */
  request(method: string, path: string, status: number, durationMs: number): void;
  worker(entry: WorkerLogEntry): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How lines leave the host. */
export interface HostLoggerOptions {
  readonly log: (line: string) => void;
  /** Drops request and informational lines; warnings and errors still go out. */
  readonly quiet: boolean;
}

type Label = 'info' | 'warn' | 'error';

const LABELS: Readonly<Record<RpcLogLevel, Label | undefined>> = {
  trace: undefined,
  debug: undefined,
  information: 'info',
  warning: 'warn',
  error: 'error',
  critical: 'error',
  none: undefined,
};

/**
 * Creates the logger. Lines never contain headers, query strings or bodies: requests are logged
 * as `METHOD /path STATUS Nms`, app logs as `[function invocationId] level: message`. Trace and
 * debug messages are dropped.
 */
export function createHostLogger(options: HostLoggerOptions): HostLogger {
  const write = (label: Label, source: string, message: string): void => {
    if (options.quiet && label === 'info') return;
    options.log(`[${source}] ${label}: ${message}`);
  };
  return {
    logsRequests: !options.quiet,
    request: (method, path, status, durationMs) => {
      if (!options.quiet) options.log(`${method} ${path} ${status} ${Math.round(durationMs)}ms`);
    },
    worker: (entry) => {
      const label = LABELS[entry.level];
      if (label === undefined) return;
      const source = entry.functionName
        ? `${entry.functionName} ${entry.invocationId ?? ''}`
        : 'host';
      write(label, source.trim(), entry.message);
    },
    info: (message) => {
      write('info', 'host', message);
    },
    warn: (message) => {
      write('warn', 'host', message);
    },
    error: (message) => {
      write('error', 'host', message);
    },
  };
}
