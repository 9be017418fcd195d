import { authorityEndpointUrl, isOpenIdConfiguration, parseAuthority } from '@ropc/protocol';
import { buildNativeAuthJwksUrl, parseNativeAuthAuthority } from '@ropc/protocol/native-auth';
import { CliError, usageError } from '../cli-error';
import { detectAuthorityKind } from '../config/authority-kind';
import { EXIT_CODES } from '../exit-codes';

/** The JWKS URL of an authority the user named, by its kind. */
export function jwksUriOfAuthority(authority: string): string {
  if (detectAuthorityKind(authority) === 'b2c') {
    const parsed = parseAuthority(authority);
    if (parsed === undefined) throw usageError('the authority is not a B2C policy authority');
    return authorityEndpointUrl(parsed, 'jwks');
  }
  try {
    return buildNativeAuthJwksUrl(parseNativeAuthAuthority(authority).baseUrl);
  } catch (error) {
    throw usageError(`not an External ID authority: ${(error as Error).message}`);
  }
}

/**
 * The discovery document's URL for a token's issuer: `{iss}/.well-known/openid-configuration`,
 * with B2C's policy (`tfp` or `acr`) as `?p=`, since a B2C tenant's issuer names no policy.
 */
export function discoveryUrlOfIssuer(claims: Readonly<Record<string, unknown>>): string {
  const issuer = claims['iss'];
  if (typeof issuer !== 'string' || !/^https?:\/\//.test(issuer))
    throw usageError('the token has no http(s) issuer: name --authority or --jwks-uri');
  const policy = claims['tfp'] ?? claims['acr'];
  const url = new URL(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  if (typeof policy === 'string' && /^b2c_1a?_/i.test(policy)) url.searchParams.set('p', policy);
  return url.toString();
}

/** Reads `jwks_uri` from a discovery document; no answer or a bad one is exit 4. */
export async function jwksUriFromDiscovery(discoveryUrl: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(discoveryUrl, { signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new CliError('unreachable', `cannot reach ${discoveryUrl}`, EXIT_CODES.unreachable);
  }
  const body: unknown = response.ok ? await response.json().catch(() => undefined) : undefined;
  if (!isOpenIdConfiguration(body))
    throw new CliError(
      'unexpected_response',
      `${discoveryUrl} answered HTTP ${String(response.status)}, not a discovery document`,
      EXIT_CODES.unreachable,
    );
  return body.jwks_uri;
}
