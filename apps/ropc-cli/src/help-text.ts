import { REFRESH_USAGE } from './commands/refresh';
import { SIGN_IN_USAGE } from './commands/sign-in';

/** `ropc --help`: the commands, where settings come from, and the exit codes. */
export const HELP_TEXT = `ropc: sign in to Azure AD B2C (ROPC) and Entra External ID (native auth)

Commands
  ${SIGN_IN_USAGE}
  ${REFRESH_USAGE}
  ropc token decode [TOKEN|-] [--authority URL | --jwks-uri URL] [--no-verify] [--json]
  ropc users create --username EMAIL [--display-name NAME] [--tenant DOMAIN] [--password-stdin]
  ropc users list [--tenant DOMAIN]
  ropc users disable|revoke ID [--tenant DOMAIN]
       (users: --emulator URL or ROPC_EMULATOR_URL; admin key from B2C_EMULATOR_ADMIN_KEY or
        --admin-key-stdin; --graph sends the calls to Microsoft Graph with a bearer token from
        ROPC_GRAPH_TOKEN or --admin-key-stdin — untested here)
  ropc profile save NAME [--authority …] [--client-id …] [--scope …] [--username …] [--kind …]
  ropc profile list | show NAME | remove NAME
  ropc emulator start [emulator flags …]

Settings: flag > environment (ROPC_AUTHORITY, ROPC_CLIENT_ID, ROPC_SCOPE, ROPC_USERNAME,
ROPC_KIND, ROPC_PROFILE) > profile (--profile NAME, else "default"), kept under $ROPC_CONFIG_DIR
or ~/.config/ropc (mode 0600). There is no --password flag: the password is prompted without echo,
or read from stdin with --password-stdin, so it never lands in shell history.

--json on every command: the result as JSON on stdout, an error as {"error":{…}} on stderr.

Exit codes
  0  ok
  1  any other failure
  2  usage: unknown command or flag, missing setting, conflicting inputs
  3  refused by the authority: wrong password, disabled user, revoked or expired refresh token
  4  authority or emulator unreachable, or an unexpected answer
  5  token decode: signature invalid, or the token expired
`;
