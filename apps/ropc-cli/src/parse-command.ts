import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** The flags that pick an authority and client, shared by sign-in, refresh and profile save. */
export const SETTINGS_OPTIONS = {
  authority: { type: 'string' },
  'client-id': { type: 'string' },
  scope: { type: 'string' },
  username: { type: 'string' },
  kind: { type: 'string' },
  profile: { type: 'string' },
} as const satisfies Options;

/**
 * `parseArgs`, strict, with its errors (unknown flag, missing value) as usage errors (exit 2).
 * Node's messages name the flag, never its value, so they are safe to show.
 */
export function parseCommand<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

/** At most `max` positionals, else a usage error. */
export function checkPositionals(positionals: readonly string[], max: number, usage: string): void {
  if (positionals.length > max) throw usageError(`unexpected argument; usage: ${usage}`);
}
