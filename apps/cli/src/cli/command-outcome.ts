import type { CliError } from './cli-error';

/**
 * What a command produced: the human text and the `--json` value for stdout, and optionally an
 * error that still sets the exit code after the output was printed (`token decode` prints an
 * invalid token's claims, then reports the signature).
 */
export interface CommandOutcome {
  /** Printed without `--json`; lines, without a final newline. */
  readonly text: string;
  /** Printed as one line of JSON with `--json`. */
  readonly json: unknown;
  readonly failure?: CliError;
  /** The exit code when it is not 0 and there is no failure (`emulator start` follows its child). */
  readonly exitCode?: number;
}
