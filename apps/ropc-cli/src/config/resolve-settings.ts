import { CliError, usageError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import {
  detectAuthorityKind,
  isAuthorityKind,
  AUTHORITY_KINDS,
  type AuthorityKind,
} from './authority-kind';
import { checkProfileName, readProfiles, type Profile } from './profile-store';

/** The flags every authority command shares, as parsed. */
export interface SettingsFlags {
  readonly authority?: string;
  readonly 'client-id'?: string;
  readonly scope?: string;
  readonly username?: string;
  readonly kind?: string;
  readonly profile?: string;
}

/** Settings with their precedence applied: flag > environment > profile. */
export interface Settings {
  readonly profileName: string;
  readonly authority?: string;
  readonly clientId?: string;
  readonly scope?: string;
  readonly username?: string;
  readonly kind?: AuthorityKind;
}

const ENVIRONMENT = {
  authority: 'ROPC_AUTHORITY',
  clientId: 'ROPC_CLIENT_ID',
  scope: 'ROPC_SCOPE',
  username: 'ROPC_USERNAME',
  kind: 'ROPC_KIND',
} as const;

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value;

/**
 * The profile to read: `--profile`, else `$ROPC_PROFILE`, else `default`. A named profile must
 * exist; `default` may be missing (then only flags and the environment count).
 */
function selectProfile(
  flags: SettingsFlags,
  env: NodeJS.ProcessEnv,
): { name: string; profile: Profile } {
  const named = nonEmpty(flags.profile) ?? nonEmpty(env['ROPC_PROFILE']);
  const name = checkProfileName(named ?? 'default');
  const profile = readProfiles()[name];
  if (profile === undefined && named !== undefined)
    throw new CliError('profile_not_found', `no profile named ${name}`, EXIT_CODES.usage);
  return { name, profile: profile ?? {} };
}

export function resolveSettings(
  flags: SettingsFlags,
  env: NodeJS.ProcessEnv = process.env,
): Settings {
  const { name, profile } = selectProfile(flags, env);
  const pick = (flag: string | undefined, key: keyof typeof ENVIRONMENT): string | undefined =>
    nonEmpty(flag) ?? nonEmpty(env[ENVIRONMENT[key]]) ?? nonEmpty(profile[key]);
  const kind = pick(flags.kind, 'kind');
  if (kind !== undefined && !isAuthorityKind(kind))
    throw usageError(`--kind is one of ${AUTHORITY_KINDS.join(', ')}`);
  const settings: Settings = {
    profileName: name,
    authority: pick(flags.authority, 'authority'),
    clientId: pick(flags['client-id'], 'clientId'),
    scope: pick(flags.scope, 'scope'),
    username: pick(flags.username, 'username'),
    kind,
  };
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  ) as unknown as Settings;
}

/** A setting the command cannot do without, with where it may come from in the message. */
export function requireSetting(
  value: string | undefined,
  flag: string,
  environment: string,
): string {
  if (value === undefined)
    throw usageError(`${flag} is required (or ${environment}, or a profile that sets it)`);
  return value;
}

/** The kind to use: the resolved `--kind`, else the authority's own. */
export function kindOf(settings: Settings, authority: string): AuthorityKind {
  return settings.kind ?? detectAuthorityKind(authority);
}
