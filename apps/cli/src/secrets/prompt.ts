import { createInterface } from 'node:readline/promises';
import { CliError, usageError } from '../cli/cli-error';
import type { CliContext } from '../cli/cli-context';

const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u007f', '\b']);

/** True when the user can be asked: stdin is a terminal. */
export function canPrompt(context: Pick<CliContext, 'stdin'>): boolean {
  return context.stdin.isTTY === true && typeof context.stdin.setRawMode === 'function';
}

/**
 * Asks for a secret on the terminal without echoing it: stdin in raw mode, the question on
 * stderr (stdout stays for output), nothing printed per key. Backspace deletes, Enter ends,
 * Ctrl-C cancels (exit 130).
 */
export function promptHidden(
  context: Pick<CliContext, 'stdin' | 'stderr'>,
  question: string,
): Promise<string> {
  const { stdin, stderr } = context;
  if (stdin.setRawMode === undefined) throw usageError('stdin is not a terminal');
  const setRawMode = stdin.setRawMode.bind(stdin);
  // Echo goes off before the question shows: whatever is typed once it is visible (type-ahead
  // included) is never echoed.
  setRawMode(true);
  stderr.write(question);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = (outcome: () => void): void => {
      stdin.removeListener('data', onData);
      setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string | Buffer): void => {
      for (const character of chunk.toString()) {
        if (character === CTRL_C) {
          finish(() => {
            reject(new CliError('interrupted', 'cancelled'));
          });
          return;
        }
        if (ENTER.has(character) || (character === CTRL_D && typed.length === 0)) {
          const value = typed.join('');
          typed = [];
          finish(() => {
            resolve(value);
          });
          return;
        }
        if (BACKSPACE.has(character)) typed.pop();
        else if (character >= ' ') typed.push(character);
      }
    };
    stdin.on('data', onData);
  });
}

/** Asks for a value that may be seen (a username, a one-time code) on the terminal. */
export async function promptVisible(
  context: Pick<CliContext, 'stdin' | 'stderr'>,
  question: string,
): Promise<string> {
  const readline = createInterface({ input: context.stdin, output: context.stderr });
  try {
    return (await readline.question(question)).trim();
  } finally {
    readline.close();
  }
}
