import { EXIT_CODES, type ExitCode } from './exit-codes';

/**
 * What went wrong, as the `code` of `--json`'s `{"error":{"code","message"}}`. Stable: scripts
 * switch on it.
 */
export type CliErrorCode =
  | 'usage'
  | 'config'
  | 'refused'
  | 'unreachable'
  | 'unexpected_answer'
  | 'malformed_token'
  | 'invalid_signature'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'unverifiable_token'
  | 'issuer_mismatch'
  | 'interrupted'
  | 'failed';

const EXIT_CODE_OF: Readonly<Record<CliErrorCode, ExitCode>> = {
  usage: EXIT_CODES.usage,
  config: EXIT_CODES.failure,
  refused: EXIT_CODES.refused,
  unreachable: EXIT_CODES.unreachable,
  unexpected_answer: EXIT_CODES.unreachable,
  malformed_token: EXIT_CODES.tokenInvalid,
  invalid_signature: EXIT_CODES.tokenInvalid,
  token_expired: EXIT_CODES.tokenInvalid,
  token_not_yet_valid: EXIT_CODES.tokenInvalid,
  unverifiable_token: EXIT_CODES.tokenInvalid,
  issuer_mismatch: EXIT_CODES.tokenInvalid,
  interrupted: EXIT_CODES.interrupted,
  failed: EXIT_CODES.failure,
};

/** Extra facts of an error for `--json` (an AADB2C code, a correlation id, an HTTP status). */
export type CliErrorDetails = Readonly<
  Record<string, string | number | boolean | readonly unknown[]>
>;

/**
 * The one error type commands throw. Its message is shown to the user as it is, so it is built
 * from fixed text, URLs and the server's own error text — never from a password, token or key.
 */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly details: CliErrorDetails = {},
  ) {
    super(message);
    this.name = 'CliError';
  }

  get exitCode(): ExitCode {
    return EXIT_CODE_OF[this.code];
  }
}

/** A usage error: the command line or configuration is wrong (exit 2). */
export function usageError(message: string): CliError {
  return new CliError('usage', message);
}
