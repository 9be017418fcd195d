import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

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
export async function startAzurite(): Promise<RunningAzurite> {
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
    '--silent',
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
