// `npm start` as the dev-stack's integration tests run it: in its own process group with free
// ports, stopped with Ctrl+C as a developer stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const START = join(__dirname, '..', 'start.mjs');
const ROOT = join(__dirname, '..', '..', '..');

/** The ports of one run's listeners. */
export interface DevStackPorts {
  readonly emulator: number;
  readonly emulatorHttps: number;
  readonly api: number;
  readonly web: number;
}

/** `npm start`, running. */
export interface DevStack {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

/**
 * Free ports for the emulator (HTTP and HTTPS), the API and the web server, and the environment
 * that hands them to `npm start` with the emulator's data under `scratch`: the run must not meet a
 * developer's own stack on the default ports, nor keep their data.
 */
export async function createDevStackEnv(
  scratch: string,
): Promise<{ ports: DevStackPorts; env: Record<string, string> }> {
  const [emulator = 0, emulatorHttps = 0, api = 0, web = 0] = await Promise.all(
    Array.from({ length: 4 }, () => freePort()),
  );
  return {
    ports: { emulator, emulatorHttps, api, web },
    env: {
      B2C_EMULATOR_PORT: String(emulator),
      B2C_EMULATOR_HTTPS_PORT: String(emulatorHttps),
      B2C_EMULATOR_DATA_DIR: join(scratch, 'emulator'),
      API_PORT: String(api),
      WEB_PORT: String(web),
    },
  };
}

/**
 * `npm start -- <args>` with `env` over the test's environment, in its own process group as a
 * terminal runs it (so that {@link pressCtrlC} reaches every process it started); resolves once
 * its banner ends with `Press Ctrl+C to stop.`, rejects with its output if it exits first.
 */
export function startDevStack(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<DevStack> {
  const child = spawn(process.execPath, [START, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let printed = '';
  const append = (chunk: Buffer): void => {
    printed += chunk.toString();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`the stack exited with ${String(code)}:\n${printed}`));
    });
    child.stdout.on('data', () => {
      if (printed.includes('Press Ctrl+C to stop.')) resolve({ child, output: () => printed });
    });
  });
}

/** Ctrl+C: SIGINT to the whole foreground process group; resolves with the launcher's exit code. */
export function pressCtrlC(stack: DevStack): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => stack.child.once('exit', resolve));
  process.kill(-(stack.child.pid ?? 0), 'SIGINT');
  return exited;
}
