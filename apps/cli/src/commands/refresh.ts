import { readFile } from 'node:fs/promises';
import { parseAuthorityKind, resolveAuthority } from '../authority/resolve-authority';
import { CliError, usageError } from '../cli/cli-error';
import type { CliContext } from '../cli/cli-context';
import type { CommandOutcome } from '../cli/command-outcome';
import { parseOptions } from '../cli/parse-options';
import { configDir } from '../config/config-dir';
import { requireSetting, resolveSettings, type ResolvedSettings } from '../config/resolve-settings';
import { describeFsError } from '../config/secure-file';
import { readSession, type SavedSession } from '../config/session-store';
import { SETTING_OPTIONS } from '../config/settings';
import { readSecretFromStdin } from '../secrets/read-stdin';
import { refresh, type GrantTarget } from '../sign-in/grants';
import { saveSession } from '../sign-in/save-session';
import { parsePrintableToken, tokenOutcome } from '../sign-in/token-output';

const OPTIONS = {
  ...SETTING_OPTIONS,
  'refresh-token-stdin': { type: 'boolean' },
  'refresh-token-file': { type: 'string' },
  save: { type: 'boolean' },
  print: { type: 'string' },
} as const;

/** A refresh token and, when it came from a saved session, that session. */
interface RefreshSource {
  readonly refreshToken: string;
  readonly session?: SavedSession;
}

async function readTokenFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError('config', `cannot read ${path}: ${describeFsError(error)}`);
  }
  const token = text.trim();
  if (token === '') throw usageError(`${path} holds no refresh token`);
  return token;
}

async function refreshSource(
  context: CliContext,
  values: { readonly 'refresh-token-stdin'?: boolean; readonly 'refresh-token-file'?: string },
  resolved: ResolvedSettings,
): Promise<RefreshSource> {
  if (values['refresh-token-stdin'] === true) {
    if (values['refresh-token-file'] !== undefined) {
      throw usageError('--refresh-token-stdin and --refresh-token-file cannot be combined');
    }
    return { refreshToken: await readSecretFromStdin(context.stdin, 'refresh-token') };
  }
  if (values['refresh-token-file'] !== undefined) {
    return { refreshToken: await readTokenFile(values['refresh-token-file']) };
  }
  const session = await readSession(configDir(context), resolved.profile);
  if (session === undefined) {
    throw usageError(
      `no refresh token: no session saved for profile ${resolved.profile} (sign-in --save), ` +
        'and no --refresh-token-stdin or --refresh-token-file',
    );
  }
  return { refreshToken: session.refreshToken, session };
}

/**
 * Where the refresh goes: a saved session's own authority, client and scope (its refresh token
 * is bound to them); otherwise the settings, as for sign-in.
 */
function targetOf(source: RefreshSource, resolved: ResolvedSettings): GrantTarget {
  const { session } = source;
  if (session !== undefined) {
    return {
      authority: resolveAuthority(session.authority, session.kind),
      clientId: session.clientId,
      scope: session.scope,
    };
  }
  const { scope } = resolved.settings;
  return {
    authority: resolveAuthority(
      requireSetting(resolved, 'authority'),
      parseAuthorityKind(resolved.settings.kind),
    ),
    clientId: requireSetting(resolved, 'clientId'),
    ...(scope === undefined ? {} : { scope }),
  };
}

/**
 * `ropc refresh`: redeems a refresh token from stdin, a file, or the profile's saved session.
 * A refresh of a saved session stores the new refresh token in its place (authorities rotate
 * them, and B2C's reuse detection revokes a grant whose old token is sent again).
 */
export async function refreshCommand(
  context: CliContext,
  args: readonly string[],
): Promise<CommandOutcome> {
  const { values } = parseOptions(args, OPTIONS, 0);
  const print = parsePrintableToken(values.print, context.json);
  const resolved = await resolveSettings(context, values);
  const source = await refreshSource(context, values, resolved);
  const result = await refresh(
    context,
    targetOf(source, resolved),
    source.refreshToken,
    source.session?.username,
  );
  const savedTo =
    source.session !== undefined || values.save === true
      ? await saveSession(context, resolved.profile, result)
      : undefined;
  return tokenOutcome('Refreshed', result, {
    ...(print === undefined ? {} : { print }),
    ...(savedTo === undefined ? {} : { savedTo }),
    now: context.now(),
  });
}
