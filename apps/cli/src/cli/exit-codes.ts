/**
 * The exit codes of `ropc`, one meaning each, so that a script can tell a wrong password from a
 * network failure. Documented in apps/cli/README.md and `ropc --help`.
 */
export const EXIT_CODES = {
  /** The command did what was asked. */
  ok: 0,
  /** Anything else: a local file that cannot be read or written, an unexpected fault. */
  failure: 1,
  /** The command line or the configuration is wrong: unknown flag, missing authority, … */
  usage: 2,
  /** The authority or Graph refused: wrong password, disabled user, spent refresh token, … */
  refused: 3,
  /** No answer, a server error (5xx) or an answer that is not the protocol's. */
  unreachable: 4,
  /** `token decode`: the signature is invalid, or the token expired or is not yet valid. */
  tokenInvalid: 5,
  /** Ctrl-C at a prompt (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
