import { spawn, type ChildProcess } from 'node:child_process';
import { cleanEnvironment } from './run-command';
import { waitUntilRefused } from './wait-until-refused';

/** The emulator started with `npx b2c-emulator …` in a project. */
export interface NpxStartedEmulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Everything it printed. */
  output(): string;
  /** SIGTERM to npx and what it started; resolves once the port no longer answers. */
  stop(): Promise<void>;
}

/**
 * Runs `npx b2c-emulator` with `args` in `projectDir` and waits for its banner. npx runs the bin
 * through `sh -c`, which does not pass SIGTERM on, so the process starts in its own process group
 * and stopping signals the whole group, as a terminal's Ctrl+C does.
 */
export async function startWithNpx(
  projectDir: string,
  args: readonly string[],
): Promise<NpxStartedEmulator> {
  const child = spawn('npx', ['b2c-emulator', ...args], {
    cwd: projectDir,
    env: cleanEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let printed = '';
  const append = (chunk: Buffer): void => {
    printed += chunk.toString('utf8');
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const output = (): string => printed;
  try {
    await waitForBanner(child, output);
  } catch (error) {
    signalGroup(child, 'SIGKILL');
    throw error;
  }
  const url = `http://127.0.0.1:${/on http:\/\/localhost:(\d+)/.exec(printed)?.[1] ?? ''}`;
  return {
    url,
    output,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child, 'SIGTERM');
        await exited;
      }
      await waitUntilRefused(`${url}/.emulator/health`);
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

function waitForBanner(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`npx b2c-emulator did not print its banner:\n${output()}`));
    }, 30_000);
    child.stdout?.on('data', () => {
      if (/admin API:/.test(output())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npx b2c-emulator exited with ${String(code)}:\n${output()}`));
    });
  });
}
