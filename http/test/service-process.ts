import { spawn } from 'node:child_process';

/** A spawned app process that printed the port it listens on. */
export interface ServiceProcess {
  /** `http://127.0.0.1:{port}` */
  readonly url: string;
  /** Everything it printed so far, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

/** How long an app may take to print that it is ready before the test gives up. */
const START_TIMEOUT_MS = 20_000;

/**
 * Spawns `node ...args` with `env` and PATH only (nothing leaks in from the test's environment)
 * and resolves once its output matches `ready`, whose first group is the port.
 */
export function startServiceProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  ready: RegExp,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not start within ${String(START_TIMEOUT_MS)} ms:\n${printed}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)}:\n${printed}`));
    });
    const onData = (chunk: Buffer): void => {
      printed += chunk.toString('utf8');
      const port = ready.exec(printed)?.[1];
      if (port === undefined) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}`, output: () => printed, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}
