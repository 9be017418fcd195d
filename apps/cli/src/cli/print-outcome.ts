import { CliError } from './cli-error';
import type { CliContext } from './cli-context';
import type { CommandOutcome } from './command-outcome';

/** Writes a command's output to stdout: JSON with `--json`, else its text. */
export function printOutcome(context: CliContext, outcome: CommandOutcome): void {
  const body = context.json ? JSON.stringify(outcome.json) : outcome.text;
  if (body !== '') context.stdout.write(`${body}\n`);
}

/**
 * Writes an error to stderr: `{"error":{"code","message",…details}}` with `--json`, else
 * `ropc: message`. Anything that is not a {@link CliError} is a fault of the CLI itself: its
 * message is shown, never its stack or the values it was working on.
 */
export function printError(context: CliContext, error: unknown): CliError {
  const cliError =
    error instanceof CliError
      ? error
      : new CliError('failed', error instanceof Error ? error.message : 'unexpected failure');
  if (context.json) {
    const { code, message, details } = cliError;
    context.stderr.write(`${JSON.stringify({ error: { code, message, ...details } })}\n`);
  } else {
    context.stderr.write(`ropc: ${cliError.message}\n`);
  }
  return cliError;
}
