import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';

/**
 * Where a command's results go: people get text, `--json` gets one JSON document on stdout and
 * errors as `{"error":{"code","message"}}` on stderr, so a script can read either stream alone.
 */
export interface Output {
  readonly json: boolean;
  /** A result: `human` lines for people, `data` for `--json`. */
  result(human: string, data: unknown): void;
  /** A note for people on stderr (progress, hints); silent under `--json`. */
  note(message: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result: (human, data) => {
      process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
    },
    note: (message) => {
      if (!json) process.stderr.write(`${message}\n`);
    },
  };
}

/** Reports a failure on stderr and returns the exit code it maps to. */
export function reportError(error: unknown, json: boolean): number {
  const cliError =
    error instanceof CliError
      ? error
      : new CliError(
          'internal_error',
          error instanceof Error ? error.message : 'unexpected failure',
          EXIT_CODES.failure,
        );
  if (json) {
    const body = { error: { code: cliError.code, message: cliError.message, ...cliError.details } };
    process.stderr.write(`${JSON.stringify(body)}\n`);
  } else {
    const extra = Object.entries(cliError.details)
      .map(([key, value]) => `\n  ${key}: ${String(value)}`)
      .join('');
    process.stderr.write(`ropc: ${cliError.message}${extra}\n`);
  }
  return cliError.exitCode;
}
