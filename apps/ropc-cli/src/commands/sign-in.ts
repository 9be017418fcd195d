import type { TokenSet } from '@ropc/protocol';
import { b2cPasswordSignIn } from '../authority/b2c-client';
import { nativePasswordSignIn } from '../authority/native-client';
import { kindOf, requireSetting, resolveSettings } from '../config/resolve-settings';
import { writeSession } from '../config/session-store';
import type { Output } from '../output/output';
import { tokenSetHuman, tokenSetJson } from '../output/token-set-report';
import { checkPositionals, COMMON_OPTIONS, parseCommand, SETTINGS_OPTIONS } from '../parse-command';
import { readSecret } from '../read-secret';

export const SIGN_IN_USAGE = `ropc sign-in [--authority URL] [--client-id ID] [--username NAME] [--scope "S …"]
             [--kind b2c|external-id] [--profile NAME] [--password-stdin] [--save] [--json]`;

/**
 * `ropc sign-in`: a B2C authority gets the ROPC password grant, an External ID authority native
 * sign-in. The password comes from a prompt without echo or from stdin, never from argv.
 */
export async function signInCommand(args: readonly string[], out: Output): Promise<void> {
  const { values, positionals } = parseCommand(args, {
    ...COMMON_OPTIONS,
    ...SETTINGS_OPTIONS,
    'password-stdin': { type: 'boolean' },
    save: { type: 'boolean' },
  });
  checkPositionals(positionals, 0, SIGN_IN_USAGE);
  const settings = resolveSettings(values);
  const authority = requireSetting(settings.authority, '--authority', 'ROPC_AUTHORITY');
  const clientId = requireSetting(settings.clientId, '--client-id', 'ROPC_CLIENT_ID');
  const username = requireSetting(settings.username, '--username', 'ROPC_USERNAME');
  const kind = kindOf(settings, authority);
  const password = await readSecret(values['password-stdin'] === true, 'the password');
  const input = { authority, clientId, username, password, scope: settings.scope };
  const tokens: TokenSet =
    kind === 'b2c' ? await b2cPasswordSignIn(input) : await nativePasswordSignIn(input);
  const saved =
    values.save === true
      ? writeSession(settings.profileName, {
          kind,
          authority,
          clientId,
          username,
          ...(settings.scope === undefined ? {} : { scope: settings.scope }),
          tokens,
        })
      : undefined;
  out.result(
    [
      `Signed in as ${username} (${kind === 'b2c' ? 'Azure AD B2C ROPC' : 'External ID native auth'})`,
      tokenSetHuman(tokens),
      ...(saved === undefined ? [] : [`Session saved to ${saved} (use "ropc refresh")`]),
    ].join('\n'),
    {
      kind,
      authority,
      username,
      ...tokenSetJson(tokens),
      ...(saved === undefined ? {} : { savedTo: saved }),
    },
  );
}
