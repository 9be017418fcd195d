import { parseAuthorityKind, resolveAuthority } from '../authority/resolve-authority';
import { checkTransport } from '../authority/check-transport';
import { usageError } from '../cli/cli-error';
import type { CliContext } from '../cli/cli-context';
import type { CommandOutcome } from '../cli/command-outcome';
import { parseOptions } from '../cli/parse-options';
import { alignedRows, table } from '../cli/terminal-text';
import { configDir } from '../config/config-dir';
import { pickSetting } from '../config/resolve-settings';
import {
  DEFAULT_PROFILE,
  checkProfileName,
  profileFilePath,
  readProfiles,
  writeProfiles,
} from '../config/profile-store';
import { removeSession } from '../config/session-store';
import { SETTINGS, SETTING_NAMES, SETTING_OPTIONS, type Settings } from '../config/settings';

const { profile: _profile, ...SAVE_OPTIONS } = SETTING_OPTIONS;

/** Refuses settings that would fail at sign-in, so a profile is checked when it is saved. */
function checkSettings(settings: Settings): void {
  const kind = parseAuthorityKind(settings.kind);
  if (settings.authority !== undefined) resolveAuthority(settings.authority, kind);
  if (settings.emulator !== undefined) checkTransport(settings.emulator, 'emulator URL');
}

function settingRows(settings: Settings): [string, string][] {
  return SETTING_NAMES.filter((name) => settings[name] !== undefined).map((name) => [
    SETTINGS[name].flag,
    settings[name] ?? '',
  ]);
}

async function save(
  context: CliContext,
  name: string,
  values: Readonly<Record<string, unknown>>,
): Promise<CommandOutcome> {
  const settings: Partial<Record<(typeof SETTING_NAMES)[number], string>> = {};
  for (const setting of SETTING_NAMES) {
    const picked = pickSetting(setting, values, context.env, {});
    if (picked !== undefined) settings[setting] = picked.value;
  }
  if (Object.keys(settings).length === 0) {
    throw usageError('nothing to save: pass --authority, --client-id, --scope, … (or set ROPC_*)');
  }
  checkSettings(settings);
  const directory = configDir(context);
  const file = await readProfiles(directory);
  await writeProfiles(directory, { ...file, profiles: { ...file.profiles, [name]: settings } });
  return {
    text: [
      `Saved profile ${name} to ${profileFilePath(directory)}`,
      ...alignedRows(settingRows(settings)),
    ].join('\n'),
    json: { profile: name, settings, path: profileFilePath(directory) },
  };
}

async function list(context: CliContext): Promise<CommandOutcome> {
  const { profiles } = await readProfiles(configDir(context));
  const names = Object.keys(profiles).sort();
  const rows = names.map((name) => [
    name === DEFAULT_PROFILE ? `${name} (default)` : name,
    profiles[name]?.authority ?? '',
    profiles[name]?.clientId ?? '',
  ]);
  return {
    text:
      names.length === 0
        ? 'No profiles (ropc profile save NAME --authority … --client-id …)'
        : table(['PROFILE', 'AUTHORITY', 'CLIENT ID'], rows).join('\n'),
    json: { profiles },
  };
}

async function show(context: CliContext, name: string): Promise<CommandOutcome> {
  const { profiles } = await readProfiles(configDir(context));
  const settings = profiles[name];
  if (settings === undefined) throw usageError(`no profile named ${name}`);
  return {
    text: [`Profile ${name}`, ...alignedRows(settingRows(settings))].join('\n'),
    json: { profile: name, settings },
  };
}

async function remove(context: CliContext, name: string): Promise<CommandOutcome> {
  const directory = configDir(context);
  const file = await readProfiles(directory);
  if (file.profiles[name] === undefined) throw usageError(`no profile named ${name}`);
  const { [name]: _removed, ...profiles } = file.profiles;
  await writeProfiles(directory, { ...file, profiles });
  const sessionRemoved = await removeSession(directory, name);
  return {
    text: `Removed profile ${name}${sessionRemoved ? ' and its saved session' : ''}`,
    json: { profile: name, removed: true, sessionRemoved },
  };
}

function nameArgument(positionals: readonly string[], action: string): string {
  const name = positionals[0];
  if (name === undefined) throw usageError(`ropc profile ${action} needs a profile name`);
  return checkProfileName(name);
}

/** `ropc profile save|list|show|remove`: named settings in profiles.json (mode 0600). */
export async function profileCommand(
  context: CliContext,
  action: string | undefined,
  args: readonly string[],
): Promise<CommandOutcome> {
  switch (action) {
    case 'save': {
      const { values, positionals } = parseOptions(args, SAVE_OPTIONS, 1);
      return save(context, nameArgument(positionals, 'save'), values);
    }
    case 'list':
      parseOptions(args, {}, 0);
      return list(context);
    case 'show': {
      const { positionals } = parseOptions(args, {}, 1);
      return show(
        context,
        positionals[0] === undefined ? DEFAULT_PROFILE : checkProfileName(positionals[0]),
      );
    }
    case 'remove': {
      const { positionals } = parseOptions(args, {}, 1);
      return remove(context, nameArgument(positionals, 'remove'));
    }
    default:
      throw usageError('ropc profile takes save, list, show or remove (see ropc profile --help)');
  }
}
