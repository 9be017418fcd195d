import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError } from '../cli/cli-error';

const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_DIR_MODE = 0o700;

/**
 * Writes JSON readable by its owner only (0600), in a directory only its owner may enter
 * (0700): a temporary file first, then a rename, so a reader never sees half a file and the
 * secret is never in a file with wider permissions, even for a moment.
 */
export async function writePrivateJson(path: string, value: unknown): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true, mode: PRIVATE_DIR_MODE });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, {
      mode: PRIVATE_FILE_MODE,
      flag: 'wx',
    });
    // The umask may have narrowed the mode further but never widened it; make it exact.
    await chmod(temporary, PRIVATE_FILE_MODE);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError('config', `cannot write ${path}: ${describeFsError(error)}`);
  }
}

/** Reads a JSON file; undefined when it does not exist. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError('config', `cannot read ${path}: ${describeFsError(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError('config', `${path} is not valid JSON`);
  }
}

/** Deletes a file; true when there was one. */
export async function removeFile(path: string): Promise<boolean> {
  try {
    await rm(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new CliError('config', `cannot remove ${path}: ${describeFsError(error)}`);
  }
}

/** The errno code of a file-system error (`EACCES`, …), which names no file content. */
export function describeFsError(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}
