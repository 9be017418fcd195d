import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** How long the emulator may take to print its banner. */
const START_TIMEOUT_MS = 20_000;

/** The built emulator bin (this file is `libs/native-auth-testing/src/start-built-emulator.ts`). */
const EMULATOR_BIN = join(__dirname, '..', '..', '..', 'dist', 'apps', 'b2c-emulator', 'bin.js');

/** How a browser test wants its emulator. */
export interface BuiltEmulatorOptions {
  /** Names the admin key and the data directory after the test project, e.g. `sdk-e2e`. */
  readonly label: string;
  /** More flags, e.g. `['--cors', 'permissive']` or `['--tenant', file]`. */
  readonly flags?: readonly string[];
}

/**
 * Starts `node dist/apps/b2c-emulator/bin.js --port 0 --admin-key <random> --data-dir <tmp>` plus
 * `flags`, with one-time codes kept off the log (`B2C_EMULATOR_LOG_CODES=off`: tests read them
 * from the outbox). Resolves once the banner reached its `admin API:` line, with the port read
 * from its `on http://localhost:PORT`. The test target must depend on `b2c-emulator:build`.
 */
export function startBuiltEmulator(options: BuiltEmulatorOptions): Promise<RunningEmulator> {
  if (!existsSync(EMULATOR_BIN)) {
    return Promise.reject(
      new Error(
        `${EMULATOR_BIN} is missing: run \`npx nx build b2c-emulator\` (the test target should).`,
      ),
    );
  }
  const adminKey = `${options.label}-${randomBytes(12).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), `${options.label}-`));
  const args = [
    EMULATOR_BIN,
    ...['--port', '0', '--admin-key', adminKey, '--data-dir', dataDir],
    ...(options.flags ?? []),
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
