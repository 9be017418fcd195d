import type { CliContext } from '../cli/cli-context';
import { CliError } from '../cli/cli-error';
import { configDir } from '../config/config-dir';
import { writeSession } from '../config/session-store';
import type { SignInResult } from './sign-in-result';

/**
 * Keeps a result's refresh token for `ropc refresh` in the profile's session file (0600).
 * Returns the file's path.
 *
 * @throws CliError `unexpected_answer` when the answer had no refresh token.
 */
export async function saveSession(
  context: CliContext,
  profile: string,
  result: SignInResult,
): Promise<string> {
  const { refreshToken, refreshTokenExpiresAt } = result.tokens;
  if (refreshToken === undefined) {
    throw new CliError('unexpected_answer', "the authority's answer has no refresh token to save");
  }
  return writeSession(configDir(context), profile, {
    version: 1,
    kind: result.kind,
    authority: result.authority,
    clientId: result.clientId,
    scope: result.scope,
    ...(result.username === undefined ? {} : { username: result.username }),
    refreshToken,
    ...(refreshTokenExpiresAt === undefined
      ? {}
      : { refreshTokenExpiresAt: new Date(refreshTokenExpiresAt).toISOString() }),
    savedAt: new Date(context.now()).toISOString(),
  });
}
