import { emulatorStartCommand } from '../commands/emulator-start';
import { profileCommand } from '../commands/profile';
import { refreshCommand } from '../commands/refresh';
import { signInCommand } from '../commands/sign-in';
import { tokenDecodeCommand } from '../commands/token-decode';
import { usersCommand } from '../commands/users';
import { usageError } from './cli-error';
import type { CliContext } from './cli-context';
import type { CommandOutcome } from './command-outcome';
import { EXIT_CODES } from './exit-codes';
import {
  EMULATOR_HELP,
  MAIN_HELP,
  PROFILE_HELP,
  REFRESH_HELP,
  SIGN_IN_HELP,
  TOKEN_DECODE_HELP,
  USERS_HELP,
} from './help-text';
import { printError, printOutcome } from './print-outcome';

/** A command: its help, and how it runs on the arguments after its name (and action). */
interface CommandEntry {
  readonly help: string;
  /** Whether the first argument after the command's name is an action (`users create`). */
  readonly takesAction: boolean;
  readonly run: (
    context: CliContext,
    action: string | undefined,
    args: readonly string[],
  ) => Promise<CommandOutcome>;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  'sign-in': { help: SIGN_IN_HELP, takesAction: false, run: (c, _, a) => signInCommand(c, a) },
  refresh: { help: REFRESH_HELP, takesAction: false, run: (c, _, a) => refreshCommand(c, a) },
  token: {
    help: TOKEN_DECODE_HELP,
    takesAction: true,
    run: (c, action, a) => {
      if (action !== 'decode') throw usageError('ropc token takes decode (see ropc token --help)');
      return tokenDecodeCommand(c, a);
    },
  },
  users: { help: USERS_HELP, takesAction: true, run: usersCommand },
  profile: { help: PROFILE_HELP, takesAction: true, run: profileCommand },
  emulator: {
    help: EMULATOR_HELP,
    takesAction: true,
    run: (c, action, a) => {
      if (action !== 'start')
        throw usageError('ropc emulator takes start (see ropc emulator --help)');
      return emulatorStartCommand(c, a);
    },
  },
};

/** `--help`/`-h` before any `--`. */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

function helpOutcome(text: string): CommandOutcome {
  return { text, json: { help: text } };
}

async function dispatch(
  context: CliContext,
  args: readonly string[],
  version: string,
): Promise<CommandOutcome> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const entry = topic === undefined ? undefined : COMMANDS[topic];
    return helpOutcome(entry?.help ?? MAIN_HELP);
  }
  if (name === '--version' || name === '-V') return { text: version, json: { version } };
  const entry = COMMANDS[name];
  if (entry === undefined) {
    throw usageError(
      name.startsWith('-')
        ? 'the command comes first: ropc <command> [flags] (see ropc --help)'
        : `unknown command ${name} (see ropc --help)`,
    );
  }
  if (wantsHelp(rest)) return helpOutcome(entry.help);
  const action =
    entry.takesAction && rest[0] !== undefined && !rest[0].startsWith('-') ? rest[0] : undefined;
  return entry.run(context, action, action === undefined ? rest : rest.slice(1));
}

/** Runs one command line and returns the exit code; everything printed goes through here. */
export async function runCli(
  context: CliContext,
  args: readonly string[],
  version: string,
): Promise<number> {
  try {
    const outcome = await dispatch(context, args, version);
    printOutcome(context, outcome);
    if (outcome.failure !== undefined) return printError(context, outcome.failure).exitCode;
    return outcome.exitCode ?? EXIT_CODES.ok;
  } catch (error) {
    return printError(context, error).exitCode;
  }
}
