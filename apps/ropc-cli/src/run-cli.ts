import { usageError } from './cli-error';
import { emulatorCommand } from './commands/emulator';
import { profileCommand } from './commands/profile';
import { refreshCommand } from './commands/refresh';
import { signInCommand } from './commands/sign-in';
import { tokenCommand } from './commands/token';
import { usersCommand } from './commands/users';
import { EXIT_CODES } from './exit-codes';
import { HELP_TEXT } from './help-text';
import { createOutput, reportError, type Output } from './output/output';

/** A command answers its exit code, or nothing for success; it may be async. */
type Command = (args: readonly string[], out: Output) => unknown;

const COMMANDS: Readonly<Record<string, Command>> = {
  'sign-in': signInCommand,
  refresh: refreshCommand,
  token: tokenCommand,
  users: usersCommand,
  profile: profileCommand,
  emulator: emulatorCommand,
};

/** Runs one command line and answers its exit code; every failure is reported here, once. */
export async function runCli(argv: readonly string[]): Promise<number> {
  // Known before parsing, so that even a usage error is reported as JSON.
  const json = argv.includes('--json');
  const out = createOutput(json);
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(HELP_TEXT);
      return name === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
    }
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(HELP_TEXT);
      return EXIT_CODES.ok;
    }
    const command = COMMANDS[name];
    if (command === undefined)
      throw usageError(
        /^[a-z-]{1,32}$/.test(name)
          ? `unknown command "${name}"; see ropc --help`
          : 'unknown command; see ropc --help',
      );
    const code: unknown = await command(args, out);
    return typeof code === 'number' ? code : EXIT_CODES.ok;
  } catch (error) {
    return reportError(error, json);
  }
}
