import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** A request Azurite answered, as its access log names it. */
export interface AzuriteRequest {
  readonly method: string;
  /** The path and query, as sent (percent-encoded): `/devstoreaccount1/{table}(…)`, `…/$batch`. */
  readonly path: string;
  readonly status: number;
}

/** How to start Azurite; every field has a default. */
export interface AzuriteOptions {
  /**
   * Called for every request Azurite answers (a transaction is one), from its own access log:
   * turns the log on, which Azurite otherwise runs without (`--silent`). For counting storage
   * round trips in benchmarks and tests.
   */
  readonly onRequest?: (request: AzuriteRequest) => void;
}

/** An access-log line of Azurite (morgan's `common` format): the request line and the status. */
const ACCESS_LOG_LINE = /"(\S+) (\S+) HTTP\/[\d.]+" (\d{3}) /u;

/** A running Azurite table service. */
export interface RunningAzurite {
  readonly port: number;
  /** A connection string for STORAGE_CONNECTION_STRING. */
  readonly connectionString: string;
  /** SIGSTOP: the port stays open but nothing answers, like a hung storage service. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  stop(): Promise<void>;
}

/** The connection string of an Azurite table service on `port` of 127.0.0.1. */
export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`
  );
}

/**
 * Starts Azurite's table service from its npm package on a free loopback port, with in-memory
 * persistence (nothing on disk, empty at every start) and telemetry off.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const main = join(
    dirname(require.resolve('azurite/package.json')),
    'dist',
    'src',
    'table',
    'main.js',
  );
  const workDir = mkdtempSync(join(tmpdir(), 'azurite-'));
  const port = await freePort();
  const args = [
    main,
    '--inMemoryPersistence',
    '--disableTelemetry',
    ...(options.onRequest ? [] : ['--silent']),
    '--skipApiVersionCheck',
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
  ];
  // In-memory Azurite refuses --location; its working directory keeps anything it writes anyway.
  const child = spawn(process.execPath, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Azurite did not start within 20 s:\n${printed}`));
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      printed += chunk.toString('utf8');
      if (/successfully (started|listening)/u.test(printed)) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${String(code)}:\n${printed}`));
    });
  });
  // Read on after the start, so that Azurite never blocks on a full pipe.
  child.stdout.on('data', options.onRequest ? accessLogReader(options.onRequest) : ignore);
  child.stderr.on('data', ignore);
  return {
    port,
    connectionString: azuriteConnectionString(port),
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    stop: async () => {
      await stopChild(child);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

function ignore(): void {
  // Output after the start is of no use unless it is the access log.
}

/** Hands each request of Azurite's access log to `onRequest`, lines split over chunks included. */
function accessLogReader(onRequest: (request: AzuriteRequest) => void): (chunk: Buffer) => void {
  let partial = '';
  return (chunk) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const [, method, path, status] = ACCESS_LOG_LINE.exec(line) ?? [];
      if (method && path && status) onRequest({ method, path, status: Number(status) });
    }
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}
