import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, usageError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import type { Output } from '../output/output';

/**
 * The emulator's standalone bin: the `b2c-emulator` package's when it is installed beside the
 * CLI, else the monorepo build's `dist/apps/b2c-emulator/bin.js` next to this CLI's dist.
 */
export function locateEmulatorBin(): string {
  try {
    return require.resolve('b2c-emulator/bin.js', { paths: [__dirname, process.cwd()] });
  } catch {
    const besideDist = join(__dirname, '..', 'b2c-emulator', 'bin.js');
    if (existsSync(besideDist)) return besideDist;
    throw new CliError(
      'emulator_not_found',
      'cannot find the b2c-emulator: install the b2c-emulator package or build it ' +
        '(npx nx run b2c-emulator:build)',
      EXIT_CODES.failure,
    );
  }
}

/**
 * `ropc emulator start [flags…]`: runs the emulator in this terminal with the flags forwarded,
 * its output passed through, SIGINT/SIGTERM handed on, and its exit code as the CLI's own.
 */
export async function emulatorCommand(args: readonly string[], out: Output): Promise<number> {
  const [action, ...flags] = args;
  if (action !== 'start') throw usageError('usage: ropc emulator start [emulator flags …]');
  const bin = locateEmulatorBin();
  out.note(`ropc: starting ${bin}`);
  const child = spawn(process.execPath, [bin, ...flags.filter((flag) => flag !== '--json')], {
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.once('error', () => {
      reject(
        new CliError('emulator_failed', 'the emulator could not be started', EXIT_CODES.failure),
      );
    });
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      // Stopped by the signal we handed on: a clean stop, as the emulator itself exits 0 then.
      resolve(
        code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? EXIT_CODES.ok : EXIT_CODES.failure),
      );
    });
  });
}
