/** `ropc --help` and each command's help. Kept in step with apps/cli/README.md. */

const EXIT_CODES_TEXT = `Exit codes:
  0    done
  1    anything else (a config file that cannot be read or written, …)
  2    usage: unknown flag, missing authority or client id, bad value
  3    refused by the authority or Graph: wrong password, disabled or locked user,
       spent or revoked refresh token, wrong admin key, no such user
  4    authority unreachable, a server error (5xx), or an answer that is not the protocol's
  5    token decode: signature invalid, token expired or not yet valid, issuer mismatch,
       or not a JWT
  130  cancelled at a prompt (Ctrl-C)`;

export const MAIN_HELP = `ropc — sign in to Azure AD B2C (ROPC) and Entra External ID (native authentication)

Usage: ropc <command> [flags]

Commands:
  sign-in                     sign in with a username and password; show who signed in
  refresh                     redeem a refresh token (stdin, a file, or a saved session)
  token decode [TOKEN|-]      show a JWT's header and claims, check its signature
  users create|list|disable|enable|revoke
                              manage users through the emulator's admin API (or --graph)
  profile save|list|show|remove
                              named settings (authority, client id, scope, …)
  emulator start [flags…]     run the local B2C / External ID emulator

Every command takes --json (machine-readable output on stdout, errors as
{"error":{"code","message"}} on stderr) and --help.

Settings: flag > environment (ROPC_AUTHORITY, ROPC_CLIENT_ID, ROPC_SCOPE, ROPC_KIND,
ROPC_USERNAME, ROPC_EMULATOR_URL) > profile (--profile, ROPC_PROFILE, else "default").
Profiles and saved sessions live in $ROPC_CONFIG_DIR (default ~/.config/ropc), mode 0600.

There is no --password flag: a password on the command line lands in shell history.
Type it at the prompt (no echo), or pipe it with --password-stdin.

${EXIT_CODES_TEXT}`;

export const SIGN_IN_HELP = `Usage: ropc sign-in [flags]

Signs in by the authority's kind: a B2C policy authority (https://{host}/{tenant}/{policy}
or the tfp form) gets the ROPC password grant; an External ID authority
(https://{subdomain}.ciamlogin.com/, or an emulator's http://127.0.0.1:{port}/{tenant}/)
gets native sign-in: initiate, challenge, then the password (or a one-time code).

Flags:
  --authority URL        ROPC_AUTHORITY
  --client-id ID         ROPC_CLIENT_ID
  --scope "S1 S2"        ROPC_SCOPE: API scopes; openid and offline_access are always asked
  --kind b2c|external-id ROPC_KIND: force the authority's kind
  -u, --username NAME    ROPC_USERNAME; prompted on a terminal when missing
  --profile NAME         ROPC_PROFILE: read settings from this profile
  --password-stdin       read the password from stdin (else: prompted without echo)
  --code-stdin           read a one-time code from stdin once it was sent (code-only users)
  --save                 keep the refresh token for ropc refresh (sessions/{profile}.json, 0600)
  --print access-token|id-token|refresh-token
                         print only that token, for a pipe
  --json                 print the token response (tokens included)

Human output shows who signed in and when the tokens expire, never a token.`;

export const REFRESH_HELP = `Usage: ropc refresh [flags]

Redeems a refresh token, read from (first found):
  --refresh-token-stdin      stdin
  --refresh-token-file FILE  a file
  the profile's saved session (ropc sign-in --save), whose refresh token is then replaced
  by the new one
A saved session brings its own authority, client id and scope; otherwise they come from
flags, environment and profile as for sign-in (--authority, --client-id, --scope, --kind,
--profile). --save keeps the new refresh token; --print and --json as for sign-in.`;

export const TOKEN_DECODE_HELP = `Usage: ropc token decode [TOKEN|-] [flags]

Shows a JWT's header and claims as aligned rows, exp/iat/nbf as dates and in words
("expires in 59 minutes", "expired 3 hours ago"), and checks its signature against the
JWKS of its issuer's discovery document. Reads the token from stdin when it is - or left out.

Flags:
  --authority URL        find the keys from this authority's discovery document instead,
                         and require the token's iss to be its issuer
  --kind b2c|external-id the authority's kind, when its shape does not say
  --jwks-uri URL         use this key set directly
  --no-verify            only decode: no signature, issuer or time check

Exit 5 when the signature is invalid, the token expired or is not yet valid, or its issuer
is not the authority's; 4 when the keys cannot be fetched.`;

export const USERS_HELP = `Usage: ropc users <create|list|disable|enable|revoke> [flags]

  create EMAIL [--display-name N] [--given-name N] [--surname N] [--password-stdin]
               [--code-only] [--disabled]
  list
  disable ID|EMAIL     accountEnabled false: the user can no longer sign in
  enable ID|EMAIL
  revoke ID|EMAIL      revokeSignInSessions: earlier refresh tokens stop working

Target: the emulator's Graph-shaped users API at --emulator URL / ROPC_EMULATOR_URL /
profile (default http://localhost:7072), admin key from B2C_EMULATOR_ADMIN_KEY or
--admin-key-stdin; --tenant NAME picks the emulator's tenant (?tenant=) and is the
identities' issuer.
--graph sends the same calls to Microsoft Graph (--graph-url to change it) with a bearer
token from ROPC_GRAPH_TOKEN or --token-stdin; --tenant is then required for create.
Graph mode is not tested against a real tenant.
Only one secret can come from stdin per run.`;

export const PROFILE_HELP = `Usage: ropc profile <save|list|show|remove> [NAME] [flags]

  save NAME [--authority URL] [--client-id ID] [--scope S] [--kind K] [--username U]
            [--emulator URL]   (unset flags are taken from ROPC_* when set)
  list
  show [NAME]                 (default: "default")
  remove NAME                 also removes the profile's saved session

A profile holds no secret. Commands use --profile NAME, else ROPC_PROFILE, else the profile
named "default" when it exists.`;

export const EMULATOR_HELP = `Usage: ropc emulator start [emulator flags…]

Runs the b2c-emulator's standalone bin: from the b2c-emulator package in this project's
node_modules, else one installed beside ropc, else ../b2c-emulator/bin.js next to ropc
(dist/apps/b2c-emulator in this repository). Every flag is passed on, e.g.
  ropc emulator start --port 7072 --tenant my-tenant.json
Prefer B2C_EMULATOR_ADMIN_KEY in the environment to --admin-key (the process list shows
flags). SIGTERM, SIGHUP and SIGINT are passed on; ropc exits with the emulator's code.
With --json, the emulator's output goes to stderr and stdout gets
{"status":"started","url":…,"pid":…} and, at the end, {"status":"stopped","exitCode":…}.`;
