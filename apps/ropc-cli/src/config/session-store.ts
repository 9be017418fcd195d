import { join } from 'node:path';
import type { TokenSet } from '@ropc/protocol';
import type { AuthorityKind } from './authority-kind';
import { configDir, readJsonFile, writePrivateJsonFile } from './config-dir';

/** What `sign-in --save` keeps so that `ropc refresh` can go on without flags. */
export interface SavedSession {
  readonly kind: AuthorityKind;
  readonly authority: string;
  readonly clientId: string;
  readonly scope?: string;
  readonly username?: string;
  readonly tokens: TokenSet;
}

/** One file per profile: `{config dir}/sessions/{profile}.json`, mode 0600. */
export function sessionPath(profileName: string): string {
  return join(configDir(), 'sessions', `${profileName}.json`);
}

export function readSession(profileName: string): SavedSession | undefined {
  return readJsonFile(sessionPath(profileName)) as SavedSession | undefined;
}

export function writeSession(profileName: string, session: SavedSession): string {
  const path = sessionPath(profileName);
  writePrivateJsonFile(path, session);
  return path;
}
