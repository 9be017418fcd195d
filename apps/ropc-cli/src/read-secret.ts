import { CliError, usageError } from './cli-error';
import { EXIT_CODES } from './exit-codes';

const MAX_STDIN_BYTES = 64 * 1024;

/** Reads all of stdin as text, dropping one trailing newline (what `echo` and `<<<` add). */
export async function readStdinText(what: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) throw usageError(`${what} on stdin is longer than 64 KiB`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (text === '') throw usageError(`${what} on stdin is empty`);
  return text;
}

/**
 * Prompts on the terminal with echo off: raw mode, so the characters typed are read one by one
 * and never written back. Enter ends, Ctrl-C aborts, backspace deletes.
 */
function promptWithoutEcho(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (): void => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stderr.write('\n');
    };
    const onData = (data: string): void => {
      for (const character of data) {
        if (character === '\r' || character === '\n' || character === '\u0004') {
          finish();
          resolve(typed);
          return;
        }
        if (character === '\u0003') {
          finish();
          reject(new CliError('aborted', 'aborted', EXIT_CODES.failure));
          return;
        }
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}

/**
 * A secret from stdin (`--…-stdin`) or, on a terminal, a prompt without echo. There is no flag
 * that takes a secret as its value: it would land in the shell's history and the process list.
 */
export async function readSecret(fromStdin: boolean, what: string): Promise<string> {
  if (fromStdin) return readStdinText(what);
  if (!process.stdin.isTTY)
    throw usageError(
      `stdin is not a terminal to prompt for ${what}: pipe it with --password-stdin`,
    );
  const secret = await promptWithoutEcho(`${what[0]?.toUpperCase() ?? ''}${what.slice(1)}: `);
  if (secret === '') throw usageError(`${what} is empty`);
  return secret;
}
