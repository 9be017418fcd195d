import { CliError, usageError } from '../cli-error';
import { isAuthorityKind, AUTHORITY_KINDS } from '../config/authority-kind';
import { configDir } from '../config/config-dir';
import {
  checkProfileName,
  readProfiles,
  writeProfiles,
  type Profile,
} from '../config/profile-store';
import { EXIT_CODES } from '../exit-codes';
import type { Output } from '../output/output';
import { formatTable } from '../output/table';
import { checkPositionals, COMMON_OPTIONS, parseCommand, SETTINGS_OPTIONS } from '../parse-command';

const PROFILE_USAGE = 'ropc profile save NAME [settings flags] | list | show NAME | remove NAME';

const profileRows = (profile: Profile): [string, string][] =>
  Object.entries(profile).map(([key, value]) => [key, String(value)]);

/**
 * `ropc profile save|list|show|remove`: named sets of sign-in settings (no secrets), in
 * `{config dir}/profiles.json`, mode 0600. `default` is read when no profile is named.
 */
export function profileCommand(args: readonly string[], out: Output): void {
  const [action, ...rest] = args;
  const { values, positionals } = parseCommand(rest, { ...COMMON_OPTIONS, ...SETTINGS_OPTIONS });
  const profiles = readProfiles();
  const named = (): string => {
    checkPositionals(positionals, 1, PROFILE_USAGE);
    const name = positionals[0];
    if (name === undefined) throw usageError(`usage: ${PROFILE_USAGE}`);
    return checkProfileName(name);
  };
  switch (action) {
    case 'save': {
      const name = named();
      if (values.kind !== undefined && !isAuthorityKind(values.kind))
        throw usageError(`--kind is one of ${AUTHORITY_KINDS.join(', ')}`);
      const profile: Profile = Object.fromEntries(
        Object.entries({
          authority: values.authority,
          clientId: values['client-id'],
          scope: values.scope,
          username: values.username,
          kind: values.kind,
        }).filter(([, value]) => value !== undefined),
      );
      if (Object.keys(profile).length === 0)
        throw usageError(
          'profile save needs at least one of --authority, --client-id, --scope, --username, --kind',
        );
      writeProfiles({ ...profiles, [name]: profile });
      out.result(`Saved profile ${name} in ${configDir()}`, { name, profile });
      return;
    }
    case 'list': {
      checkPositionals(positionals, 0, PROFILE_USAGE);
      const names = Object.keys(profiles).sort();
      out.result(
        names.length === 0
          ? 'No profiles'
          : formatTable(names.map((name) => [name, profiles[name]?.authority ?? ''])),
        { profiles },
      );
      return;
    }
    case 'show': {
      const name = named();
      const profile = profiles[name];
      if (profile === undefined)
        throw new CliError('profile_not_found', `no profile named ${name}`, EXIT_CODES.usage);
      out.result(formatTable(profileRows(profile)), { name, profile });
      return;
    }
    case 'remove': {
      const name = named();
      if (profiles[name] === undefined)
        throw new CliError('profile_not_found', `no profile named ${name}`, EXIT_CODES.usage);
      const { [name]: _removed, ...others } = profiles;
      writeProfiles(others);
      out.result(`Removed profile ${name}`, { name, removed: true });
      return;
    }
    default:
      throw usageError(`usage: ${PROFILE_USAGE}`);
  }
}
