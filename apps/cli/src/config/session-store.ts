import { join } from 'node:path';
import { CliError } from '../cli/cli-error';
import { isAuthorityKind, type AuthorityKind } from '../authority/authority-kind';
import { readJsonFile, removeFile, writePrivateJson } from './secure-file';

/**
 * What `sign-in --save` keeps for `ropc refresh`: the refresh token and where it is redeemed.
 * One file per profile, `sessions/{profile}.json`, mode 0600; the access and id tokens are not
 * kept (a refresh gets new ones).
 */
export interface SavedSession {
  readonly version: 1;
  readonly kind: AuthorityKind;
  readonly authority: string;
  readonly clientId: string;
  readonly scope: string;
  readonly username?: string;
  readonly refreshToken: string;
  /** ISO 8601, when the authority said. */
  readonly refreshTokenExpiresAt?: string;
  readonly savedAt: string;
}

export function sessionFilePath(directory: string, profile: string): string {
  return join(directory, 'sessions', `${profile}.json`);
}

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** The saved session of a profile; undefined when there is none. */
export async function readSession(
  directory: string,
  profile: string,
): Promise<SavedSession | undefined> {
  const path = sessionFilePath(directory, profile);
  const content = (await readJsonFile(path)) as
    Partial<Record<keyof SavedSession, unknown>> | undefined;
  if (content === undefined) return undefined;
  const { kind, authority, clientId, scope, refreshToken } = content;
  if (
    content.version !== 1 ||
    typeof kind !== 'string' ||
    !isAuthorityKind(kind) ||
    !text(authority) ||
    !text(clientId) ||
    typeof scope !== 'string' ||
    !text(refreshToken)
  ) {
    throw new CliError('config', `${path} is not a ropc session file (version 1)`);
  }
  return content as SavedSession;
}

export async function writeSession(
  directory: string,
  profile: string,
  session: SavedSession,
): Promise<string> {
  const path = sessionFilePath(directory, profile);
  await writePrivateJson(path, session);
  return path;
}

export async function removeSession(directory: string, profile: string): Promise<boolean> {
  return removeFile(sessionFilePath(directory, profile));
}
