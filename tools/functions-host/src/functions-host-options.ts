/** TLS settings for an additional HTTPS listener. */
export interface FunctionsHostHttpsOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** PEM private key. */
  readonly key: string | Buffer;
  /** PEM certificate chain. */
  readonly cert: string | Buffer;
}

/** Options of {@link startFunctionsHost}. */
export interface FunctionsHostOptions {
  /**
   * The Functions app folder: host.json, package.json with "main", optional local.settings.json.
   */
  readonly appDir: string;
  /** Default: local.settings.json `Host.LocalHttpPort`, else 7071. 0 picks a free port. */
  readonly port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  readonly hostname?: string;
  /** Also serve HTTPS on another port. */
  readonly https?: FunctionsHostHttpsOptions;
  /** Larger request bodies get 413 before any handler runs; default 1 MiB. */
  readonly maxRequestBodyBytes?: number;
  /** Environment variables set before the app loads; unlike local.settings.json they overwrite. */
  readonly env?: Readonly<Record<string, string>>;
  /** Receives every log line; default: standard output. */
  readonly log?: (line: string) => void;
  /** Only warnings and errors: no request lines, no informational lines. */
  readonly quiet?: boolean;
}

/** An HTTP-triggered function as served. */
export interface HostRoute {
  readonly functionName: string;
  /** Upper-case; a trigger without `methods` accepts every method. */
  readonly methods: readonly string[];
  /** Route template including the route prefix, e.g. `api/items/{id:int}`. */
  readonly template: string;
  /** `url` + `/` + template. */
  readonly url: string;
  /** Recorded from the registration; not enforced. */
  readonly authLevel: string;
}

/** A timer-triggered function. */
export interface HostTimer {
  readonly functionName: string;
  readonly schedule: string;
  /**
   * False when the schedule is not supported; {@link RunningFunctionsHost.runTimer} still works.
   */
  readonly scheduled: boolean;
}

/** A started host. */
export interface RunningFunctionsHost {
  /** Base URL of the HTTP listener, e.g. `http://127.0.0.1:7071` (no trailing slash). */
  readonly url: string;
  /** Base URL of the HTTPS listener, when one was asked for. */
  readonly httpsUrl?: string;
  readonly routes: readonly HostRoute[];
  readonly timers: readonly HostTimer[];
  /**
   * What each entry file of the app exports, in load order: in-process tests reach the app's own
   * instances through it (an app may export a clock, say) — the same module instances the host
   * runs.
   */
  readonly entryExports: readonly unknown[];
  /** Runs a timer function now (by name, case-insensitive); rejects if its handler fails. */
  runTimer(functionName: string): Promise<void>;
  /** Stops listening, waits for requests and timers in progress, runs appTerminate hooks. */
  close(): Promise<void>;
}
