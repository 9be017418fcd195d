import path from 'node:path';
import { asJsonObject, readJsonFile } from './read-json-file';

/** The parts of local.settings.json this host uses. */
export interface LocalSettings {
  /** `Values`: app settings, exposed as environment variables. */
  readonly values: Readonly<Record<string, string>>;
  /** `Host.LocalHttpPort`: the default port, as for `func start`. */
  readonly localHttpPort: number | undefined;
}

/** Reads the app's optional local.settings.json. Encrypted files are refused. */
export function readLocalSettings(appDir: string): LocalSettings {
  const file = path.join(appDir, 'local.settings.json');
  const settings = asJsonObject(readJsonFile(file));
  if (!settings) return { values: {}, localHttpPort: undefined };
  if (settings['IsEncrypted'] === true) throw new Error(`${file} is encrypted; decrypt it first.`);
  const port = asJsonObject(settings['Host'])?.['LocalHttpPort'];
  return {
    values: stringValues(file, asJsonObject(settings['Values']) ?? {}),
    localHttpPort: typeof port === 'number' ? port : undefined,
  };
}

function stringValues(file: string, values: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      result[name] = String(value);
    } else if (value !== null) {
      throw new Error(`${file}: Values.${name} must be a string.`);
    }
  }
  return result;
}
