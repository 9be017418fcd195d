import { join } from 'node:path';
import { CliError, usageError } from '../cli/cli-error';
import { readJsonFile, writePrivateJson } from './secure-file';
import { SETTING_NAMES, type Settings } from './settings';

/** `profiles.json`: named settings, no secrets (passwords and tokens are never kept in it). */
export interface ProfileFile {
  readonly version: 1;
  readonly profiles: Readonly<Record<string, Settings>>;
}

/** The profile used when neither `--profile` nor `ROPC_PROFILE` names one, if it exists. */
export const DEFAULT_PROFILE = 'default';

/** Letters, digits, `.`, `_` and `-`: a profile name is also a file name (sessions/NAME.json). */
const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** @throws CliError `usage` for a name that is not a safe file name. */
export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw usageError(
      'a profile name is 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  return name;
}

export function profileFilePath(directory: string): string {
  return join(directory, 'profiles.json');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readSettings(value: unknown, path: string): Settings {
  if (!isRecord(value)) throw new CliError('config', `${path}: a profile must be an object`);
  const settings: Record<string, string> = {};
  for (const name of SETTING_NAMES) {
    const setting = value[name];
    if (setting === undefined) continue;
    if (typeof setting !== 'string')
      throw new CliError('config', `${path}: "${name}" must be a string`);
    settings[name] = setting;
  }
  return settings;
}

/** Reads the profiles; none when the file does not exist. */
export async function readProfiles(directory: string): Promise<ProfileFile> {
  const path = profileFilePath(directory);
  const content = await readJsonFile(path);
  if (content === undefined) return { version: 1, profiles: {} };
  if (!isRecord(content) || content['version'] !== 1 || !isRecord(content['profiles'])) {
    throw new CliError('config', `${path} is not a ropc profile file (version 1)`);
  }
  const profiles: Record<string, Settings> = {};
  for (const [name, value] of Object.entries(content['profiles'])) {
    profiles[name] = readSettings(value, path);
  }
  return { version: 1, profiles };
}

export async function writeProfiles(directory: string, file: ProfileFile): Promise<void> {
  await writePrivateJson(profileFilePath(directory), file);
}
