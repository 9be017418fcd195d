import { spawn } from 'node:child_process';

/** How to start one part of the stack and tell when it is ready. */
export interface ServiceProcessOptions {
  /** Shown in errors: `b2c-emulator`, `api`, `web`. */
  readonly name: string;
  /** Arguments after `node`. */
  readonly args: readonly string[];
  /** The whole environment of the child: nothing of the caller's leaks in except `PATH`. */
  readonly env: Readonly<Record<string, string>>;
  /** Matches the output once the service is ready; group 1 is its port. */
  readonly ready: RegExp;
  readonly startTimeoutMs?: number;
}

/** A started Node process of the stack. */
export interface ServiceProcess {
  readonly name: string;
  readonly port: number;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns `node ...args` and resolves once its output matches `ready`; rejects with everything it
 * printed when it exits or stays silent too long (and then makes sure it is gone).
 */
export function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const child = spawn(process.execPath, options.args, {
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const stop = async (graceMs = 5_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (reason: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop(1_000).then(() => {
        reject(new Error(`${options.name} ${reason}:\n${printed}`));
      });
    };
    const timer = setTimeout(() => {
      fail('did not start in time');
    }, options.startTimeoutMs ?? 20_000);
    child.once('exit', (code, signal) => {
      fail(`exited (${String(code ?? signal)})`);
    });
    // Reading on after start-up keeps the pipes drained, so a chatty child never blocks.
    const onOutput = (chunk: Buffer): void => {
      printed += chunk.toString('utf8');
      const port = settled ? undefined : options.ready.exec(printed)?.[1];
      if (port === undefined) return;
      settled = true;
      clearTimeout(timer);
      resolve({ name: options.name, port: Number(port), output: () => printed, stop });
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
  });
}
