import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { ROPC_BIN } from './cli-test-env';

/** What a run of the built `ropc` printed and how it ended. */
export interface RopcRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runRopc}. */
export interface RunOptions {
  /** Written to stdin, which is then closed; without it stdin is an empty pipe. */
  readonly stdin?: string;
  /** The whole environment besides PATH: nothing of the test runner's leaks in. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts `node dist/apps/cli/ropc.js …` with a clean environment. */
export function spawnRopc(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [ROPC_BIN, ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
}

/** Collects a spawned ropc's output until it exits. */
export function completion(child: ChildProcessWithoutNullStreams): Promise<RopcRun> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the built `ropc` to its end. */
export async function runRopc(args: readonly string[], options: RunOptions = {}): Promise<RopcRun> {
  const child = spawnRopc(args, options.env);
  const done = completion(child);
  // A run that ends before reading stdin (a usage error) closes the pipe: not the test's failure.
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.stdin ?? '');
  return done;
}

/** The one JSON line of stdout (or stderr). */
export function jsonOf(text: string): Record<string, unknown> {
  return JSON.parse(text.trim()) as Record<string, unknown>;
}
