import { EXIT_CODES, type ExitCode } from './exit-codes';

/**
 * An error the CLI reports and exits with: a stable `code` for `--json` consumers, a message for
 * people (never a password, token or admin key), and the exit code it maps to.
 */
export class CliError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  /** Extra machine-readable facts, e.g. the authority's AADB2C code. */
  readonly details: Readonly<Record<string, string | number>>;

  constructor(
    code: string,
    message: string,
    exitCode: ExitCode,
    details: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = exitCode;
    this.details = details;
  }
}

/** A mistake on the command line: exit 2. */
export function usageError(message: string): CliError {
  return new CliError('usage', message, EXIT_CODES.usage);
}
