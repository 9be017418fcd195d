import { decodeJwt, decodeProtectedHeader } from 'jose';
import { CliError, usageError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import type { Output } from '../output/output';
import { expiryInWords } from '../output/relative-time';
import { formatTable } from '../output/table';
import { checkPositionals, COMMON_OPTIONS, parseCommand } from '../parse-command';
import { readStdinText } from '../read-secret';
import {
  discoveryUrlOfIssuer,
  jwksUriFromDiscovery,
  jwksUriOfAuthority,
} from '../token/jwks-location';
import { verifySignature } from '../token/verify-signature';

const DECODE_USAGE = 'ropc token decode [TOKEN|-] [--authority URL | --jwks-uri URL] [--no-verify]';
const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time']);

function decodeParts(token: string): {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
} {
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch {
    throw usageError('the input is not a JWT (three base64url parts with JSON header and claims)');
  }
}

function claimValue(name: string, value: unknown, nowMs: number): string {
  if (TIME_CLAIMS.has(name) && typeof value === 'number') {
    const iso = new Date(value * 1000).toISOString();
    return name === 'exp' ? `${iso} (${expiryInWords(value * 1000, nowMs)})` : iso;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

type SignatureResult =
  | { readonly verified: true; readonly jwksUri: string }
  | { readonly verified: false; readonly reason: string; readonly error?: CliError };

async function checkSignature(
  token: string,
  claims: Record<string, unknown>,
  options: { authority?: string; jwksUri?: string; noVerify: boolean },
): Promise<SignatureResult> {
  if (options.noVerify) return { verified: false, reason: 'not checked (--no-verify)' };
  const jwksUri =
    options.jwksUri ??
    (options.authority !== undefined
      ? jwksUriOfAuthority(options.authority)
      : await jwksUriFromDiscovery(discoveryUrlOfIssuer(claims)));
  try {
    await verifySignature(token, jwksUri);
    return { verified: true, jwksUri };
  } catch (error) {
    if (error instanceof CliError && error.exitCode === EXIT_CODES.invalidToken)
      return { verified: false, reason: error.message, error };
    throw error;
  }
}

/**
 * `ropc token decode`: the header and claims as tables, times as dates with the expiry in words,
 * and the signature checked against the issuer's JWKS. The output shows the claims, never the
 * token itself; an invalid signature or expired token still shows them, then exits 5.
 */
async function decodeCommand(args: readonly string[], out: Output): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    ...COMMON_OPTIONS,
    authority: { type: 'string' },
    'jwks-uri': { type: 'string' },
    'no-verify': { type: 'boolean' },
  });
  checkPositionals(positionals, 1, DECODE_USAGE);
  if (values.authority !== undefined && values['jwks-uri'] !== undefined)
    throw usageError('--authority and --jwks-uri exclude each other');
  const argument = positionals[0];
  const token = (
    argument === undefined || argument === '-' ? await readStdinText('the token') : argument
  ).trim();
  const { header, claims } = decodeParts(token);
  const signature = await checkSignature(token, claims, {
    ...(values.authority === undefined ? {} : { authority: values.authority }),
    ...(values['jwks-uri'] === undefined ? {} : { jwksUri: values['jwks-uri'] }),
    noVerify: values['no-verify'] === true,
  });
  const nowMs = Date.now();
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] * 1000 : undefined;
  const signatureText = signature.verified
    ? `verified against ${signature.jwksUri}`
    : signature.reason;
  out.result(
    [
      'Header',
      formatTable(
        Object.entries(header).map(([name, value]) => [name, claimValue(name, value, nowMs)]),
      ),
      '',
      'Claims',
      formatTable(
        Object.entries(claims).map(([name, value]) => [name, claimValue(name, value, nowMs)]),
      ),
      '',
      `Signature: ${signatureText}`,
      ...(exp === undefined ? [] : [`Token ${expiryInWords(exp, nowMs)}`]),
    ].join('\n'),
    {
      header,
      claims,
      ...(exp === undefined
        ? {}
        : { expiresAt: new Date(exp).toISOString(), expired: exp <= nowMs }),
      signature: signature.verified
        ? { verified: true, jwksUri: signature.jwksUri }
        : { verified: false, reason: signature.error?.code ?? 'skipped' },
    },
  );
  if (signature.verified || signature.error === undefined) return EXIT_CODES.ok;
  throw signature.error;
}

export async function tokenCommand(args: readonly string[], out: Output): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'decode') throw usageError(`usage: ${DECODE_USAGE}`);
  return decodeCommand(rest, out);
}
