import { usageError } from '../cli/cli-error';
import type { CliContext } from '../cli/cli-context';
import type { CommandOutcome } from '../cli/command-outcome';
import { parseOptions } from '../cli/parse-options';
import { alignedRows, table } from '../cli/terminal-text';
import { resolveSettings } from '../config/resolve-settings';
import { secretSource } from '../secrets/secret-source';
import { resolveGraphTarget, type GraphTarget } from '../users/graph-target';
import { GraphUsersClient, type GraphUser } from '../users/graph-users-client';

const TARGET_OPTIONS = {
  emulator: { type: 'string' },
  profile: { type: 'string' },
  tenant: { type: 'string' },
  'admin-key-stdin': { type: 'boolean' },
  graph: { type: 'boolean' },
  'graph-url': { type: 'string' },
  'token-stdin': { type: 'boolean' },
} as const;

const CREATE_OPTIONS = {
  ...TARGET_OPTIONS,
  'display-name': { type: 'string' },
  'given-name': { type: 'string' },
  surname: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'code-only': { type: 'boolean' },
  disabled: { type: 'boolean' },
} as const;

function signInNames(user: GraphUser): string {
  return (user.identities ?? [])
    .map((identity) => identity.issuerAssignedId)
    .filter((name): name is string => typeof name === 'string')
    .join(', ');
}

function userRows(user: GraphUser): [string, string][] {
  return [
    ['id', user.id],
    ['display name', user.displayName ?? ''],
    ['sign-in names', signInNames(user)],
    ['enabled', String(user.accountEnabled ?? true)],
  ];
}

async function targetOf(
  context: CliContext,
  values: Parameters<typeof resolveGraphTarget>[1] & {
    readonly emulator?: string;
    readonly profile?: string;
  },
): Promise<GraphTarget> {
  return resolveGraphTarget(context, values, await resolveSettings(context, values));
}

async function create(context: CliContext, args: readonly string[]): Promise<CommandOutcome> {
  const { values, positionals } = parseOptions(args, CREATE_OPTIONS, 1);
  const email = positionals[0];
  if (email === undefined || !email.includes('@')) {
    throw usageError('ropc users create needs the e-mail address the user signs in with');
  }
  if (values['code-only'] === true && values['password-stdin'] === true) {
    throw usageError('--code-only creates a user without a password: leave out --password-stdin');
  }
  if (
    values['password-stdin'] === true &&
    (values['admin-key-stdin'] ?? values['token-stdin']) === true
  ) {
    throw usageError(
      'only one secret can come from stdin: pass the password there and set ' +
        'B2C_EMULATOR_ADMIN_KEY (or ROPC_GRAPH_TOKEN) for the other',
    );
  }
  const target = await targetOf(context, values);
  if (target.mode === 'graph' && target.tenant === undefined) {
    throw usageError("--graph needs --tenant (the tenant domain, the identities' issuer)");
  }
  const password =
    values['code-only'] === true
      ? undefined
      : await secretSource(
          context,
          'password',
          values['password-stdin'] === true,
          "New user's password: ",
        )();
  const user = await new GraphUsersClient(target).create({
    displayName: values['display-name'] ?? email.split('@')[0],
    ...(values['given-name'] === undefined ? {} : { givenName: values['given-name'] }),
    ...(values.surname === undefined ? {} : { surname: values.surname }),
    identities: [
      {
        signInType: 'emailAddress',
        ...(target.tenant === undefined ? {} : { issuer: target.tenant }),
        issuerAssignedId: email,
      },
    ],
    ...(password === undefined
      ? {}
      : {
          passwordProfile: { password, forceChangePasswordNextSignIn: false },
          passwordPolicies: 'DisablePasswordExpiration',
        }),
    accountEnabled: values.disabled !== true,
  });
  return { text: ['Created user', ...alignedRows(userRows(user))].join('\n'), json: user };
}

async function list(context: CliContext, args: readonly string[]): Promise<CommandOutcome> {
  const { values } = parseOptions(args, TARGET_OPTIONS, 0);
  const users = await new GraphUsersClient(await targetOf(context, values)).list();
  const rows = users.map((user) => [
    user.id,
    user.displayName ?? '',
    signInNames(user),
    user.accountEnabled === false ? 'no' : 'yes',
  ]);
  return {
    text:
      users.length === 0
        ? 'No users'
        : table(['ID', 'DISPLAY NAME', 'SIGN-IN NAMES', 'ENABLED'], rows).join('\n'),
    json: { users },
  };
}

/** disable, enable and revoke: one user by id or sign-in name. */
async function actOnUser(
  context: CliContext,
  action: 'disable' | 'enable' | 'revoke',
  args: readonly string[],
): Promise<CommandOutcome> {
  const { values, positionals } = parseOptions(args, TARGET_OPTIONS, 1);
  const who = positionals[0];
  if (who === undefined) throw usageError(`ropc users ${action} needs a user id or sign-in name`);
  const client = new GraphUsersClient(await targetOf(context, values));
  const user = await client.resolve(who);
  if (action === 'revoke') {
    await client.revokeSignInSessions(user.id);
    return {
      text: `Revoked the sign-in sessions of ${who}: refresh tokens issued before now no longer work`,
      json: { id: user.id, revoked: true },
    };
  }
  const accountEnabled = action === 'enable';
  await client.update(user.id, { accountEnabled });
  return {
    text: `${accountEnabled ? 'Enabled' : 'Disabled'} ${who}`,
    json: { id: user.id, accountEnabled },
  };
}

/**
 * `ropc users create|list|disable|enable|revoke`: the emulator's Graph-shaped users API with its
 * admin key, or — with `--graph`, untested here — Microsoft Graph with a bearer token.
 */
export async function usersCommand(
  context: CliContext,
  action: string | undefined,
  args: readonly string[],
): Promise<CommandOutcome> {
  switch (action) {
    case 'create':
      return create(context, args);
    case 'list':
      return list(context, args);
    case 'disable':
    case 'enable':
    case 'revoke':
      return actOnUser(context, action, args);
    default:
      throw usageError(
        'ropc users takes create, list, disable, enable or revoke (see ropc users --help)',
      );
  }
}
