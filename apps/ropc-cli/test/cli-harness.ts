import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built CLI and emulator; the test target depends on both builds. */
const DIST = join(__dirname, '..', '..', '..', 'dist', 'apps');
export const ROPC_BIN = join(DIST, 'ropc-cli', 'ropc.js');
const EMULATOR_BIN = join(DIST, 'b2c-emulator', 'bin.js');

// The emulator's default tenant file: a B2C tenant and an External ID tenant.
export const ADMIN_KEY = 'ropc-cli-test-admin-key';
export const B2C_CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
export const NATIVE_CLIENT_ID = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
export const B2C_TENANT = 'contoso.onmicrosoft.com';
export const NATIVE_TENANT = 'contosoid.onmicrosoft.com';
export const ALICE = { username: 'alice@contoso.com', password: 'Alice-Passw0rd!' };

/** What one run of the CLI did. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `ropc` with `input` on stdin and only the given environment (plus PATH). */
export function runRopc(
  args: readonly string[],
  options: { input?: string; env?: Readonly<Record<string, string>> } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [ROPC_BIN, ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve) => {
    child.once('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/** Resolves once `output()` matches `pattern`, rejects if the process exits first. */
export function waitForOutput(
  child: ChildProcess,
  output: () => string,
  pattern: RegExp,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no ${String(pattern)} in:\n${output()}`));
    }, 20_000);
    const check = (): void => {
      if (pattern.test(output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)}:\n${output()}`));
    });
  });
}

/** A running emulator from dist, on an ephemeral port, with the default tenant file. */
export interface TestEmulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startTestEmulator(): Promise<TestEmulator> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ropc-cli-emulator-'));
  const child = spawn(
    process.execPath,
    [EMULATOR_BIN, '--port', '0', '--admin-key', ADMIN_KEY, '--data-dir', dataDir],
    { env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  await waitForOutput(child, () => printed, /admin API:/);
  const port = /on http:\/\/localhost:(\d+)/.exec(printed)?.[1] ?? '';
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh `$ROPC_CONFIG_DIR`; remove it with {@link removeConfigDir}. */
export function makeConfigDir(): string {
  return mkdtempSync(join(tmpdir(), 'ropc-cli-config-'));
}

export function removeConfigDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
