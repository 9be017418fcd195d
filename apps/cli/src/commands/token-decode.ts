import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import { parseAuthorityKind } from '../authority/resolve-authority';
import { CliError, usageError } from '../cli/cli-error';
import type { CliContext } from '../cli/cli-context';
import type { CommandOutcome } from '../cli/command-outcome';
import { parseOptions } from '../cli/parse-options';
import { alignedRows } from '../cli/terminal-text';
import { readStdin } from '../secrets/read-stdin';
import { decodeJwtParts } from '../token/decode-jwt';
import { findKeySource, type KeySource } from '../token/key-source';
import { tokenTimeStatus, tokenTimes, type TokenTime } from '../token/token-times';
import { verifySignature } from '../token/verify-signature';

const OPTIONS = {
  authority: { type: 'string' },
  kind: { type: 'string' },
  'jwks-uri': { type: 'string' },
  'no-verify': { type: 'boolean' },
} as const;

/** The signature check's result, as `--json` reports it. */
type SignatureReport =
  | { readonly status: 'not_checked' }
  | { readonly status: 'valid'; readonly jwksUri: string; readonly foundBy: KeySource['foundBy'] }
  | { readonly status: 'failed'; readonly code: string; readonly message: string };

async function readToken(context: CliContext, argument: string | undefined): Promise<string> {
  if (argument !== undefined && argument !== '-') return argument;
  if (argument === undefined && context.stdin.isTTY === true) {
    throw usageError('no token: pass it as an argument, or pipe it and use - (or nothing)');
  }
  const token = (await readStdin(context.stdin)).trim();
  if (token === '') throw usageError('stdin held no token');
  return token;
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function claimRows(
  claims: JWTPayload,
  times: Readonly<Record<string, TokenTime | undefined>>,
): [string, string][] {
  return Object.entries(claims).map(([name, value]) => {
    const time = times[name];
    return [name, time ? `${time.at} (${time.words})` : valueText(value)];
  });
}

function signatureLine(report: SignatureReport): string {
  switch (report.status) {
    case 'not_checked':
      return 'Signature  not checked (--no-verify)';
    case 'valid':
      return `Signature  valid (key set ${report.jwksUri}, found by ${report.foundBy})`;
    case 'failed':
      return `Signature  NOT VALID: ${report.message}`;
  }
}

function renderText(
  header: ProtectedHeaderParameters,
  claims: JWTPayload,
  times: Readonly<Record<string, TokenTime | undefined>>,
  report: SignatureReport,
): string {
  return [
    'Header',
    ...alignedRows(Object.entries(header).map(([name, value]) => [name, valueText(value)])),
    'Claims',
    ...alignedRows(claimRows(claims, times)),
    signatureLine(report),
  ].join('\n');
}

/** Verifies signature, then issuer and time; the first failure is the command's. */
async function verify(
  context: CliContext,
  decoded: ReturnType<typeof decodeJwtParts>,
  values: { authority?: string; kind?: string; 'jwks-uri'?: string },
): Promise<{ readonly report: SignatureReport; readonly failure?: CliError }> {
  try {
    const source = await findKeySource(decoded.claims, {
      ...(values['jwks-uri'] === undefined ? {} : { jwksUri: values['jwks-uri'] }),
      ...(values.authority === undefined ? {} : { authority: values.authority }),
      ...(values.kind === undefined ? {} : { kind: parseAuthorityKind(values.kind) }),
    });
    await verifySignature(decoded.token, decoded.header, source.jwksUri);
    const report: SignatureReport = {
      status: 'valid',
      jwksUri: source.jwksUri,
      foundBy: source.foundBy,
    };
    if (source.issuer !== undefined && source.issuer !== decoded.claims.iss) {
      return {
        report,
        failure: new CliError(
          'issuer_mismatch',
          `the token's issuer is ${valueText(decoded.claims.iss)}, not the authority's ` +
            source.issuer,
        ),
      };
    }
    const status = tokenTimeStatus(decoded.claims, context.now());
    if (status === 'expired') {
      return { report, failure: new CliError('token_expired', 'the token has expired') };
    }
    if (status === 'not_yet_valid') {
      return {
        report,
        failure: new CliError('token_not_yet_valid', 'the token is not valid yet (nbf)'),
      };
    }
    return { report };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return {
      report: { status: 'failed', code: error.code, message: error.message },
      failure: error,
    };
  }
}

/**
 * `ropc token decode [TOKEN|-]`: the header and claims as aligned rows, time claims as dates and
 * in words, and the signature checked against the issuer's keys. Exit 5 when the signature is
 * invalid or the token expired; with `--no-verify`, neither is checked.
 */
export async function tokenDecodeCommand(
  context: CliContext,
  args: readonly string[],
): Promise<CommandOutcome> {
  const { values, positionals } = parseOptions(args, OPTIONS, 1);
  if (values['no-verify'] === true && (values.authority ?? values['jwks-uri']) !== undefined) {
    throw usageError('--no-verify cannot be combined with --authority or --jwks-uri');
  }
  const decoded = decodeJwtParts(await readToken(context, positionals[0]));
  const times = tokenTimes(decoded.claims, context.now());
  const { report, failure } =
    values['no-verify'] === true
      ? { report: { status: 'not_checked' } as const, failure: undefined }
      : await verify(context, decoded, values);
  return {
    text: renderText(decoded.header, decoded.claims, times, report),
    json: {
      header: decoded.header,
      claims: decoded.claims,
      times,
      expired: tokenTimeStatus(decoded.claims, context.now()) === 'expired',
      signature: report,
    },
    ...(failure === undefined ? {} : { failure }),
  };
}
