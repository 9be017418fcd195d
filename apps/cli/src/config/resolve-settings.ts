import { envValue, type CliContext } from '../cli/cli-context';
import { usageError } from '../cli/cli-error';
import { configDir } from './config-dir';
import { DEFAULT_PROFILE, checkProfileName, readProfiles } from './profile-store';
import { SETTINGS, SETTING_NAMES, type SettingName, type Settings } from './settings';

/** Where a resolved setting came from, for `profile show` and error messages. */
export type SettingSource = 'flag' | 'environment' | 'profile';

/** The settings of one run and the profile they were read from. */
export interface ResolvedSettings {
  readonly settings: Settings;
  readonly sources: Readonly<Partial<Record<SettingName, SettingSource>>>;
  /** The profile in use: named by `--profile` or `ROPC_PROFILE`, or `default` when it exists. */
  readonly profile: string;
  /** False when the profile in use has no entry in profiles.json. */
  readonly profileExists: boolean;
}

/**
 * One setting by precedence: its flag, else its environment variable, else the profile. An empty
 * value counts as unset at every level.
 */
export function pickSetting(
  name: SettingName,
  flags: object,
  env: Readonly<Record<string, string | undefined>>,
  profile: Settings,
): { readonly value: string; readonly source: SettingSource } | undefined {
  const flag = (flags as Readonly<Record<string, unknown>>)[SETTINGS[name].flag];
  if (typeof flag === 'string' && flag !== '') return { value: flag, source: 'flag' };
  const fromEnv = envValue({ env }, SETTINGS[name].env);
  if (fromEnv !== undefined) return { value: fromEnv, source: 'environment' };
  const fromProfile = profile[name];
  if (fromProfile !== undefined && fromProfile !== '')
    return { value: fromProfile, source: 'profile' };
  return undefined;
}

/**
 * Resolves every setting for a command from its flags, the environment and the profile in use.
 *
 * @throws CliError `usage` when `--profile`/`ROPC_PROFILE` names a profile that does not exist.
 */
export async function resolveSettings(
  context: CliContext,
  flags: { readonly profile?: string },
): Promise<ResolvedSettings> {
  const flagProfile = flags.profile;
  const named =
    typeof flagProfile === 'string' && flagProfile !== ''
      ? flagProfile
      : envValue(context, 'ROPC_PROFILE');
  const profile = checkProfileName(named ?? DEFAULT_PROFILE);
  const { profiles } = await readProfiles(configDir(context));
  const stored = profiles[profile];
  if (named !== undefined && stored === undefined) {
    throw usageError(`no profile named ${profile} (ropc profile list shows them)`);
  }
  const settings: Partial<Record<SettingName, string>> = {};
  const sources: Partial<Record<SettingName, SettingSource>> = {};
  for (const name of SETTING_NAMES) {
    const picked = pickSetting(name, flags, context.env, stored ?? {});
    if (picked === undefined) continue;
    settings[name] = picked.value;
    sources[name] = picked.source;
  }
  return { settings, sources, profile, profileExists: stored !== undefined };
}

/** A setting a command cannot go without, with how to give it. */
export function requireSetting(resolved: ResolvedSettings, name: SettingName): string {
  const value = resolved.settings[name];
  if (value === undefined) {
    const { flag, env } = SETTINGS[name];
    throw usageError(`no ${flag}: pass --${flag}, set ${env}, or save it in a profile`);
  }
  return value;
}
