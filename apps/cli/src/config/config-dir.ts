import { homedir } from 'node:os';
import { join } from 'node:path';
import { envValue, type CliContext } from '../cli/cli-context';

/**
 * Where profiles and saved sessions live: `$ROPC_CONFIG_DIR`, else `$XDG_CONFIG_HOME/ropc`, else
 * `~/.config/ropc`. The directory is created with mode 0700 and every file in it with 0600.
 */
export function configDir(context: Pick<CliContext, 'env'>): string {
  const explicit = envValue(context, 'ROPC_CONFIG_DIR');
  if (explicit !== undefined) return explicit;
  const xdg = envValue(context, 'XDG_CONFIG_HOME');
  return join(xdg ?? join(homedir(), '.config'), 'ropc');
}
