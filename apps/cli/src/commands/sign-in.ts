import { parseAuthorityKind, resolveAuthority } from '../authority/resolve-authority';
import { usageError } from '../cli/cli-error';
import type { CliContext } from '../cli/cli-context';
import type { CommandOutcome } from '../cli/command-outcome';
import { parseOptions } from '../cli/parse-options';
import { requireSetting, resolveSettings } from '../config/resolve-settings';
import { SETTING_OPTIONS } from '../config/settings';
import { canPrompt, promptVisible } from '../secrets/prompt';
import { readSecretFromStdin } from '../secrets/read-stdin';
import { secretSource } from '../secrets/secret-source';
import { signIn } from '../sign-in/grants';
import type { NativeSignInCredentials } from '../sign-in/native-sign-in';
import { saveSession } from '../sign-in/save-session';
import { parsePrintableToken, tokenOutcome } from '../sign-in/token-output';

const OPTIONS = {
  ...SETTING_OPTIONS,
  'password-stdin': { type: 'boolean' },
  'code-stdin': { type: 'boolean' },
  save: { type: 'boolean' },
  print: { type: 'string' },
} as const;

async function usernameOf(context: CliContext, configured: string | undefined): Promise<string> {
  if (configured !== undefined) return configured;
  if (!canPrompt(context)) {
    throw usageError('no username: pass --username, set ROPC_USERNAME, or save it in a profile');
  }
  const typed = await promptVisible(context, 'Username: ');
  if (typed === '') throw usageError('no username typed');
  return typed;
}

function credentialsOf(
  context: CliContext,
  values: { readonly 'password-stdin'?: boolean; readonly 'code-stdin'?: boolean },
): NativeSignInCredentials {
  return {
    password: secretSource(context, 'password', values['password-stdin'] === true, 'Password: '),
    code: async (sentTo) => {
      // Said on stderr in both output modes: stdout is for the result, and a script driving
      // --code-stdin waits for this line before it looks up the code.
      context.stderr.write(`A one-time code was sent to ${sentTo ?? 'the user'}.\n`);
      if (values['code-stdin'] === true) return readSecretFromStdin(context.stdin, 'code');
      if (!canPrompt(context)) {
        throw usageError('this user signs in with a one-time code: pipe it with --code-stdin');
      }
      const code = await promptVisible(context, 'Code: ');
      if (code === '') throw usageError('no code typed');
      return code;
    },
  };
}

/**
 * `ropc sign-in`: signs in with the authority's kind — B2C's ROPC password grant, or External
 * ID's native sign-in — and shows who signed in; `--save` keeps the refresh token for
 * `ropc refresh`.
 */
export async function signInCommand(
  context: CliContext,
  args: readonly string[],
): Promise<CommandOutcome> {
  const { values } = parseOptions(args, OPTIONS, 0);
  if (values['password-stdin'] === true && values['code-stdin'] === true) {
    throw usageError('--password-stdin and --code-stdin both read stdin: give one');
  }
  const print = parsePrintableToken(values.print, context.json);
  const resolved = await resolveSettings(context, values);
  const authority = resolveAuthority(
    requireSetting(resolved, 'authority'),
    parseAuthorityKind(resolved.settings.kind),
  );
  const clientId = requireSetting(resolved, 'clientId');
  const username = await usernameOf(context, resolved.settings.username);
  const result = await signIn(
    context,
    {
      authority,
      clientId,
      ...(resolved.settings.scope === undefined ? {} : { scope: resolved.settings.scope }),
    },
    username,
    credentialsOf(context, values),
  );
  const savedTo =
    values.save === true ? await saveSession(context, resolved.profile, result) : undefined;
  return tokenOutcome('Signed in', result, {
    ...(print === undefined ? {} : { print }),
    ...(savedTo === undefined ? {} : { savedTo }),
    now: context.now(),
  });
}
