import { parseArgs } from 'node:util';
import { usageError } from './cli-error';

/** The option table of one command, as `node:util` parseArgs takes it. */
export type OptionTable = Readonly<
  Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>
>;

/** Options every command takes. */
const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionTable;

type Values<T extends OptionTable> = {
  readonly [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean;
} & { readonly json?: boolean; readonly help?: boolean };

/** A command line taken apart. */
export interface ParsedOptions<T extends OptionTable> {
  readonly values: Values<T>;
  readonly positionals: readonly string[];
}

/** Flags people reach for that `ropc` leaves out on purpose, with what to use instead. */
const REFUSED_FLAGS: Readonly<Record<string, string>> = {
  '--password':
    'there is no --password flag (a password on the command line lands in shell history and ' +
    'the process list): type it at the prompt, or pipe it with --password-stdin',
  '--admin-key':
    'there is no --admin-key flag here: set B2C_EMULATOR_ADMIN_KEY or pipe it with --admin-key-stdin',
  '--refresh-token':
    'there is no --refresh-token flag: use --refresh-token-stdin, --refresh-token-file or a ' +
    'session saved by sign-in --save',
};

/**
 * Parses a command's flags strictly. The errors are rewritten so that they name the flag but
 * never repeat a value or a positional argument, which could be a password typed in the wrong
 * place.
 *
 * @throws CliError `usage` for an unknown flag, a flag without its value, or more positional
 *   arguments than `maxPositionals`.
 */
export function parseOptions<T extends OptionTable>(
  args: readonly string[],
  options: T,
  maxPositionals: number,
): ParsedOptions<T> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError(describeParseError(error));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw usageError(
      maxPositionals === 0
        ? 'this command takes no arguments besides its flags'
        : `too many arguments: this command takes at most ${maxPositionals}`,
    );
  }
  return { values: parsed.values as Values<T>, positionals: parsed.positionals };
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  const flag = /'(-{1,2}[A-Za-z0-9-]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag !== undefined) {
    return REFUSED_FLAGS[flag] ?? `unknown flag ${flag} (see --help)`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag !== undefined) {
    return `flag ${flag} is missing its value, or takes none`;
  }
  return 'the command line could not be read (see --help)';
}

/** True when `--json` appears before `--`: error output is JSON even when parsing fails. */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
}
