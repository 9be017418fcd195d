import { decodeJwt } from 'jose';
import { AUTHORITY_KIND_NAMES } from '../authority/authority-kind';
import { CliError, usageError } from '../cli/cli-error';
import type { CommandOutcome } from '../cli/command-outcome';
import { alignedRows } from '../cli/terminal-text';
import { describeExpiry, isoSeconds } from '../token/relative-time';
import type { SignInResult } from './sign-in-result';

/** `--print`: one raw token on stdout, for a pipe. */
export const PRINTABLE_TOKENS = ['access-token', 'id-token', 'refresh-token'] as const;
export type PrintableToken = (typeof PRINTABLE_TOKENS)[number];

/** @throws CliError `usage` for another value, or with `--json`. */
export function parsePrintableToken(
  value: string | undefined,
  json: boolean,
): PrintableToken | undefined {
  if (value === undefined) return undefined;
  if (!(PRINTABLE_TOKENS as readonly string[]).includes(value)) {
    throw usageError(`--print takes one of ${PRINTABLE_TOKENS.join(', ')}`);
  }
  if (json) throw usageError('--print and --json cannot be combined');
  return value as PrintableToken;
}

const iso = (epochMs: number | undefined): string | undefined =>
  epochMs === undefined ? undefined : new Date(epochMs).toISOString();

/** Who the id token says signed in: name, sign-in name, object id. Never the token itself. */
function identityRows(idToken: string | undefined): [string, string][] {
  if (idToken === undefined) return [];
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(idToken);
  } catch {
    return [];
  }
  const emails = claims['emails'];
  const signInName =
    claims['preferred_username'] ?? (Array.isArray(emails) ? (emails[0] as unknown) : undefined);
  const rows: [string, unknown][] = [
    ['name', claims['name']],
    ['sign-in name', signInName],
    ['object id', claims['oid'] ?? claims['sub']],
    ['tenant id', claims['tid']],
    ['user flow', claims['tfp'] ?? claims['acr']],
  ];
  return rows.filter((row): row is [string, string] => typeof row[1] === 'string');
}

function tokenToPrint(result: SignInResult, print: PrintableToken): string {
  const token = {
    'access-token': result.tokens.accessToken,
    'id-token': result.tokens.idToken,
    'refresh-token': result.tokens.refreshToken,
  }[print];
  if (token === undefined) {
    throw new CliError(
      'unexpected_answer',
      `the authority's answer has no ${print.replace('-', ' ')}`,
    );
  }
  return token;
}

/**
 * The output of `sign-in` and `refresh`. Human text says who signed in and until when — no
 * token; `--json` is the token response (tokens included: the user asked for them);
 * `--print` is one raw token.
 */
export function tokenOutcome(
  verb: string,
  result: SignInResult,
  options: { readonly print?: PrintableToken; readonly savedTo?: string; readonly now: number },
): CommandOutcome {
  const { tokens } = result;
  const json = {
    kind: result.kind,
    authority: result.authority,
    clientId: result.clientId,
    ...(result.username === undefined ? {} : { username: result.username }),
    tokenType: tokens.tokenType,
    scope: tokens.scope ?? result.scope,
    accessToken: tokens.accessToken,
    idToken: tokens.idToken,
    refreshToken: tokens.refreshToken,
    accessTokenExpiresAt: iso(tokens.accessTokenExpiresAt),
    idTokenExpiresAt: iso(tokens.idTokenExpiresAt),
    refreshTokenExpiresAt: iso(tokens.refreshTokenExpiresAt),
    savedTo: options.savedTo,
  };
  if (options.print !== undefined) return { text: tokenToPrint(result, options.print), json };
  const expiry = (epochMs: number | undefined): string =>
    epochMs === undefined
      ? 'no expiry given'
      : `${describeExpiry(epochMs / 1000, options.now)} (${isoSeconds(Math.floor(epochMs / 1000))})`;
  const rows: [string, string][] = [
    ...identityRows(tokens.idToken),
    ['scope', tokens.scope ?? result.scope],
    [
      'access token',
      tokens.accessToken === undefined ? 'none' : expiry(tokens.accessTokenExpiresAt),
    ],
    [
      'refresh token',
      tokens.refreshToken === undefined
        ? 'none'
        : options.savedTo === undefined
          ? `${expiry(tokens.refreshTokenExpiresAt)}; not saved (--save keeps it for ropc refresh)`
          : `${expiry(tokens.refreshTokenExpiresAt)}; saved to ${options.savedTo}`,
    ],
  ];
  const who = result.username === undefined ? '' : ` as ${result.username}`;
  return {
    text: [
      `${verb} at ${result.authority} (${AUTHORITY_KIND_NAMES[result.kind]})${who}`,
      ...alignedRows(rows),
    ].join('\n'),
    json,
  };
}
