import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_TENANT_FILE, EMULATOR_BIN } from './paths';

/** The built emulator, running on 127.0.0.1 with an ephemeral port. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly adminKey: string;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM, SIGKILL after 5 s; removes the data directory. Safe to call twice. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

/**
 * Starts `node dist/apps/b2c-emulator/bin.js --port 0 --admin-key <random> --tenant
 * <console-tenant.json> --data-dir <tmp>` with one-time codes kept off the log (the console reads
 * them from the outbox). Resolves once the banner reached its `admin API:` line.
 */
export function startEmulator(): Promise<RunningEmulator> {
  if (!existsSync(EMULATOR_BIN)) {
    return Promise.reject(
      new Error(`${EMULATOR_BIN} is missing: run \`npx nx build b2c-emulator\` (e2e does).`),
    );
  }
  const adminKey = `console-e2e-${randomBytes(12).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'emulator-console-e2e-'));
  const args = [
    EMULATOR_BIN,
    '--port',
    '0',
    '--admin-key',
    adminKey,
    '--tenant',
    CONSOLE_TENANT_FILE,
    '--data-dir',
    dataDir,
  ];
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env['PATH'] ?? '', B2C_EMULATOR_LOG_CODES: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (reason: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => {
        reject(new Error(`the emulator ${reason}; it printed:\n${printed}`));
      });
    };
    const timer = setTimeout(() => {
      fail(`did not print its banner within ${START_TIMEOUT_MS / 1000} s`);
    }, START_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      fail(`exited (${String(code ?? signal)})`);
    });
    // Reading on after start-up keeps the pipes drained, so a chatty emulator never blocks.
    const onOutput = (chunk: Buffer): void => {
      printed += chunk.toString('utf8');
      if (settled || !/admin API:/.test(printed)) return;
      const port = /on http:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(printed)?.[1];
      if (port === undefined) {
        fail('printed a banner without its `on http://localhost:PORT`');
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}`, adminKey, output: () => printed, stop });
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
  });
}
