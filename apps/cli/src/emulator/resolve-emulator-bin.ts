import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CliError } from '../cli/cli-error';

/** The emulator's bin inside its package (apps/b2c-emulator/package.json's `bin`). */
const PACKAGE_BIN = 'b2c-emulator/bin.js';

function resolveFrom(directory: string): string | undefined {
  try {
    return createRequire(join(directory, 'noop.js')).resolve(PACKAGE_BIN);
  } catch {
    return undefined;
  }
}

/**
 * Finds the emulator's standalone bin, first found wins: the `b2c-emulator` package installed in
 * the working directory's project, then one installed beside the CLI (a global install), then
 * `../b2c-emulator/bin.js` next to the CLI's own folder — `dist/apps/b2c-emulator/bin.js` when
 * the CLI runs from this repository's `dist/apps/cli`.
 *
 * @throws CliError `config` naming the places looked at.
 */
export function resolveEmulatorBin(cliDirectory: string, workingDirectory: string): string {
  const sibling = join(cliDirectory, '..', 'b2c-emulator', 'bin.js');
  const found =
    resolveFrom(workingDirectory) ??
    resolveFrom(cliDirectory) ??
    (existsSync(sibling) ? sibling : undefined);
  if (found === undefined) {
    throw new CliError(
      'config',
      'the b2c-emulator package is not installed: npm install --save-dev b2c-emulator ' +
        `(looked in ${workingDirectory}'s node_modules, beside ropc, and at ${sibling})`,
    );
  }
  return found;
}
