/**
 * The CLI's exit codes, documented in `ropc --help` and the README: scripts switch on them, so a
 * code's meaning never changes.
 */
export const EXIT_CODES = {
  ok: 0,
  /** Anything not listed below: a file that cannot be written, an unexpected failure. */
  failure: 1,
  /** The command line is wrong: unknown command or flag, missing value, conflicting inputs. */
  usage: 2,
  /** The authority refused: wrong password, disabled user, revoked or expired refresh token. */
  refused: 3,
  /** The authority or emulator could not be reached, or answered something unexpected. */
  unreachable: 4,
  /** `token decode`: the signature does not verify, or the token has expired. */
  invalidToken: 5,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
