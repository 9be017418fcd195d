import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** `$ROPC_CONFIG_DIR`, else `~/.config/ropc`: where profiles and saved sessions live. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['ROPC_CONFIG_DIR'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(homedir(), '.config', 'ropc');
}

/** Reads a JSON file, or undefined when it does not exist. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as unknown;
}

/**
 * Writes a file only its owner can read (0600, its folder 0700), as it may hold a refresh token.
 * Written beside and renamed over, so a reader never sees half a file; chmod again because an
 * existing file keeps its old mode.
 */
export function writePrivateJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${String(process.pid)}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}
