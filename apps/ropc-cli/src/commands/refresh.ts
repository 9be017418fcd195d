import { readFileSync } from 'node:fs';
import type { TokenSet } from '@ropc/protocol';
import { b2cRefresh } from '../authority/b2c-client';
import { nativeRefresh } from '../authority/native-client';
import { CliError, usageError } from '../cli-error';
import { kindOf, requireSetting, resolveSettings } from '../config/resolve-settings';
import { readSession, sessionPath, writeSession } from '../config/session-store';
import { EXIT_CODES } from '../exit-codes';
import type { Output } from '../output/output';
import { tokenSetHuman, tokenSetJson } from '../output/token-set-report';
import { checkPositionals, COMMON_OPTIONS, parseCommand, SETTINGS_OPTIONS } from '../parse-command';
import { readStdinText } from '../read-secret';

export const REFRESH_USAGE = `ropc refresh [--refresh-token-stdin | --refresh-token-file FILE] [--save]
             [--authority URL] [--client-id ID] [--scope "S …"] [--kind …] [--profile NAME] [--json]`;

function readTokenFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    throw new CliError('file_unreadable', `cannot read ${path}`, EXIT_CODES.failure);
  }
  if (text === '') throw usageError(`${path} holds no refresh token`);
  return text;
}

/**
 * `ropc refresh`: redeems a refresh token read from stdin, from a file, or — with neither — from
 * the session `sign-in --save` kept for the profile. A refresh token is never taken from argv.
 * The saved session is updated with the new tokens (rotation makes the old one useless).
 */
export async function refreshCommand(args: readonly string[], out: Output): Promise<void> {
  const { values, positionals } = parseCommand(args, {
    ...COMMON_OPTIONS,
    ...SETTINGS_OPTIONS,
    'refresh-token-stdin': { type: 'boolean' },
    'refresh-token-file': { type: 'string' },
    save: { type: 'boolean' },
  });
  checkPositionals(positionals, 0, REFRESH_USAGE);
  const fromStdin = values['refresh-token-stdin'] === true;
  const file = values['refresh-token-file'];
  if (fromStdin && file !== undefined)
    throw usageError('--refresh-token-stdin and --refresh-token-file exclude each other');
  const settings = resolveSettings(values);
  const session = fromStdin || file !== undefined ? undefined : readSession(settings.profileName);
  let refreshToken: string;
  if (fromStdin) refreshToken = await readStdinText('the refresh token');
  else if (file !== undefined) refreshToken = readTokenFile(file);
  else if (session?.tokens.refreshToken !== undefined) refreshToken = session.tokens.refreshToken;
  else
    throw usageError(
      `no refresh token: pipe one with --refresh-token-stdin, name a file with ` +
        `--refresh-token-file, or sign in with --save first (${sessionPath(settings.profileName)})`,
    );
  // Flags and the environment win over the session's own settings, as over a profile's.
  const authority = requireSetting(
    values.authority ?? session?.authority ?? settings.authority,
    '--authority',
    'ROPC_AUTHORITY',
  );
  const clientId = requireSetting(
    values['client-id'] ?? session?.clientId ?? settings.clientId,
    '--client-id',
    'ROPC_CLIENT_ID',
  );
  const scope = values.scope ?? session?.scope ?? settings.scope;
  const kind = values.kind === undefined && session ? session.kind : kindOf(settings, authority);
  const input = { authority, clientId, refreshToken, ...(scope === undefined ? {} : { scope }) };
  const tokens: TokenSet = kind === 'b2c' ? await b2cRefresh(input) : await nativeRefresh(input);
  const saved =
    session !== undefined || values.save === true
      ? writeSession(settings.profileName, {
          kind,
          authority,
          clientId,
          ...(scope === undefined ? {} : { scope }),
          ...(session?.username === undefined ? {} : { username: session.username }),
          tokens,
        })
      : undefined;
  out.result(
    [
      'Refreshed',
      tokenSetHuman(tokens),
      ...(saved === undefined ? [] : [`Session saved to ${saved}`]),
    ].join('\n'),
    {
      kind,
      authority,
      ...tokenSetJson(tokens),
      ...(saved === undefined ? {} : { savedTo: saved }),
    },
  );
}
