import { join } from 'node:path';
import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import { configDir, readJsonFile, writePrivateJsonFile } from './config-dir';

/** What a profile may hold: the settings of `sign-in` that are not secrets. */
export interface Profile {
  readonly authority?: string;
  readonly clientId?: string;
  readonly scope?: string;
  readonly username?: string;
  readonly kind?: string;
}

export const PROFILE_FIELDS = ['authority', 'clientId', 'scope', 'username', 'kind'] as const;

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Profile names become file names: letters, digits, `.`, `_`, `-`. */
export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name))
    throw new CliError(
      'usage',
      'a profile name is 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
      EXIT_CODES.usage,
    );
  return name;
}

function profilesPath(): string {
  return join(configDir(), 'profiles.json');
}

/** Every saved profile by name; `{}` when none was saved. */
export function readProfiles(): Record<string, Profile> {
  const stored = readJsonFile(profilesPath());
  if (stored === undefined) return {};
  const profiles = (stored as { profiles?: unknown }).profiles;
  if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles))
    throw new CliError(
      'config_invalid',
      `${profilesPath()} is not a profiles file`,
      EXIT_CODES.failure,
    );
  return profiles as Record<string, Profile>;
}

export function writeProfiles(profiles: Record<string, Profile>): void {
  writePrivateJsonFile(profilesPath(), { profiles });
}
