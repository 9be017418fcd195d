import { usageError } from '../cli/cli-error';
import type { CliStdin } from '../cli/cli-context';

/** More than any password, token or key: stdin past this is a mistake (a file piped in). */
export const MAX_STDIN_BYTES = 64 * 1024;

/**
 * Reads stdin to its end as UTF-8 text.
 *
 * @throws CliError `usage` when it holds more than {@link MAX_STDIN_BYTES}.
 */
export async function readStdin(stdin: CliStdin): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += bytes.length;
    if (size > MAX_STDIN_BYTES) throw usageError(`stdin holds more than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads one secret from stdin, as `docker login --password-stdin` does: everything up to the end,
 * minus one final line break. Spaces are kept: they may be part of a password.
 *
 * @throws CliError `usage` when stdin is a terminal (use the prompt) or holds nothing.
 */
export async function readSecretFromStdin(stdin: CliStdin, what: string): Promise<string> {
  if (stdin.isTTY === true) {
    throw usageError(`--${what}-stdin reads a pipe, not a terminal: leave it out to be prompted`);
  }
  const secret = (await readStdin(stdin)).replace(/\r?\n$/, '');
  if (secret === '') throw usageError(`stdin held no ${what.replaceAll('-', ' ')}`);
  return secret;
}
