/**
 * The settings a profile may hold, each with its flag and environment variable. Precedence is
 * flag > environment > profile (resolve-settings.ts).
 */
export const SETTINGS = {
  authority: { flag: 'authority', env: 'ROPC_AUTHORITY' },
  clientId: { flag: 'client-id', env: 'ROPC_CLIENT_ID' },
  scope: { flag: 'scope', env: 'ROPC_SCOPE' },
  kind: { flag: 'kind', env: 'ROPC_KIND' },
  username: { flag: 'username', env: 'ROPC_USERNAME' },
  emulator: { flag: 'emulator', env: 'ROPC_EMULATOR_URL' },
} as const;

/** A setting's name, as a profile's JSON spells it. */
export type SettingName = keyof typeof SETTINGS;

export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** Settings of a profile, or those resolved for one run. */
export type Settings = Readonly<Partial<Record<SettingName, string>>>;

/** The flags of every setting, for a command's option table. */
export const SETTING_OPTIONS = {
  authority: { type: 'string' },
  'client-id': { type: 'string' },
  scope: { type: 'string' },
  kind: { type: 'string' },
  username: { type: 'string', short: 'u' },
  emulator: { type: 'string' },
  profile: { type: 'string' },
} as const;
