import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A spawned app process that printed its URL. */
export interface ServiceProcess {
  readonly url: string;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
  /** kill -9: no shutdown, requests in flight are cut. */
  kill(): Promise<void>;
}

/**
 * Spawns `node ...args` with `env` (and PATH only, so nothing leaks in from the test's own
 * environment), listening on `port`, and resolves once its output matches `ready`.
 */
export function startServiceProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  port: number,
  ready: RegExp,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill(name);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not start within 20 s:\n${printed}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)}:\n${printed}`));
    });
    const onData = (chunk: Buffer): void => {
      printed += chunk.toString('utf8');
      if (!ready.test(printed)) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${port}`,
        output: () => printed,
        stop: () => signal('SIGTERM'),
        kill: () => signal('SIGKILL'),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
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
