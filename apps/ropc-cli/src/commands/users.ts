import { usageError } from '../cli-error';
import { formatTable } from '../output/table';
import type { Output } from '../output/output';
import { checkPositionals, COMMON_OPTIONS, parseCommand } from '../parse-command';
import { readSecret, readStdinText } from '../read-secret';
import { callUsersApi, checkUserId, GRAPH_BASE_URL, type UsersApi } from '../users/users-api';

const USERS_USAGE = 'ropc users create|list|disable|revoke … (see ropc --help)';

const USERS_OPTIONS = {
  ...COMMON_OPTIONS,
  emulator: { type: 'string' },
  graph: { type: 'boolean' },
  tenant: { type: 'string' },
  'admin-key-stdin': { type: 'boolean' },
  username: { type: 'string' },
  'display-name': { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

interface GraphUser {
  readonly id?: string;
  readonly displayName?: string;
  readonly accountEnabled?: boolean;
  readonly identities?: readonly { readonly issuerAssignedId?: string }[];
}

const signInNames = (user: GraphUser): string =>
  (user.identities ?? []).map((identity) => identity.issuerAssignedId ?? '').join(', ');

/**
 * Where to send the calls: the emulator (`--emulator`, `ROPC_EMULATOR_URL`) with its admin key
 * (`B2C_EMULATOR_ADMIN_KEY` or stdin), or, with `--graph`, Microsoft Graph with a bearer token
 * (`ROPC_GRAPH_TOKEN` or stdin). Graph mode is untested: no real tenant is reachable here.
 */
async function usersApi(values: {
  emulator?: string;
  graph?: boolean;
  tenant?: string;
  'admin-key-stdin'?: boolean;
}): Promise<UsersApi> {
  const graph = values.graph === true;
  if (graph && values.emulator !== undefined)
    throw usageError('--graph and --emulator exclude each other');
  const baseUrl = graph ? GRAPH_BASE_URL : (values.emulator ?? process.env['ROPC_EMULATOR_URL']);
  if (baseUrl === undefined || baseUrl === '')
    throw usageError('--emulator URL (or ROPC_EMULATOR_URL) is required, or --graph');
  const variable = graph ? 'ROPC_GRAPH_TOKEN' : 'B2C_EMULATOR_ADMIN_KEY';
  const bearer =
    values['admin-key-stdin'] === true
      ? await readStdinText(graph ? 'the Graph token' : 'the admin key')
      : process.env[variable];
  if (bearer === undefined || bearer === '')
    throw usageError(`set ${variable} or pipe it with --admin-key-stdin`);
  return {
    baseUrl,
    bearer,
    graph,
    ...(values.tenant === undefined ? {} : { tenant: values.tenant }),
  };
}

/** `ropc users create|list|disable|revoke`: the Graph users calls an operator needs most. */
export async function usersCommand(args: readonly string[], out: Output): Promise<void> {
  const [action, ...rest] = args;
  const { values, positionals } = parseCommand(rest, USERS_OPTIONS);
  switch (action) {
    case 'create': {
      checkPositionals(positionals, 0, 'ropc users create --username EMAIL …');
      const username = values.username;
      if (username === undefined) throw usageError('users create needs --username');
      if (values['password-stdin'] === true && values['admin-key-stdin'] === true)
        throw usageError('stdin can carry the password or the admin key, not both');
      const api = await usersApi(values);
      const password = await readSecret(values['password-stdin'] === true, 'the new password');
      const created = (await callUsersApi(api, 'POST', '/v1.0/users', {
        displayName: values['display-name'] ?? username,
        identities: [
          {
            signInType: username.includes('@') ? 'emailAddress' : 'userName',
            ...(values.tenant === undefined ? {} : { issuer: values.tenant }),
            issuerAssignedId: username,
          },
        ],
        passwordProfile: { password, forceChangePasswordNextSignIn: false },
        passwordPolicies: 'DisablePasswordExpiration',
      })) as GraphUser;
      out.result(`Created ${username} (id ${created.id ?? '?'})`, created);
      return;
    }
    case 'list': {
      checkPositionals(positionals, 0, 'ropc users list');
      const api = await usersApi(values);
      const answer = (await callUsersApi(api, 'GET', '/v1.0/users')) as { value?: GraphUser[] };
      const users = answer.value ?? [];
      out.result(
        formatTable(
          users.map((user) => [
            user.id ?? '?',
            `${user.accountEnabled === false ? 'disabled' : 'enabled '}  ${signInNames(user)}  ${user.displayName ?? ''}`,
          ]),
        ) || 'No users',
        { users },
      );
      return;
    }
    case 'disable': {
      checkPositionals(positionals, 1, 'ropc users disable ID');
      const id = checkUserId(positionals[0], 'ropc users disable ID');
      const api = await usersApi(values);
      await callUsersApi(api, 'PATCH', `/v1.0/users/${id}`, { accountEnabled: false });
      out.result(`Disabled ${id}`, { id, accountEnabled: false });
      return;
    }
    case 'revoke': {
      checkPositionals(positionals, 1, 'ropc users revoke ID');
      const id = checkUserId(positionals[0], 'ropc users revoke ID');
      const api = await usersApi(values);
      await callUsersApi(api, 'POST', `/v1.0/users/${id}/revokeSignInSessions`);
      out.result(`Revoked the sign-in sessions of ${id}`, { id, revoked: true });
      return;
    }
    default:
      throw usageError(`usage: ${USERS_USAGE}`);
  }
}
