import { policyOfClaims } from '@ropc/protocol';
import type { JWTPayload } from 'jose';
import type { AuthorityKind } from '../authority/authority-kind';
import { checkTransport } from '../authority/check-transport';
import { resolveAuthority } from '../authority/resolve-authority';
import { CliError } from '../cli/cli-error';
import { getJsonObject } from '../http/json-request';

/** Where the keys that should have signed a token are, and how that was found. */
export interface KeySource {
  readonly jwksUri: string;
  /** The discovery document's `issuer`; the token's `iss` must equal it. */
  readonly issuer?: string;
  readonly foundBy: 'jwks-uri' | 'authority' | 'issuer';
}

/** How the user pointed at the keys, if they did. */
export interface KeySourceOptions {
  readonly jwksUri?: string;
  readonly authority?: string;
  readonly kind?: AuthorityKind;
}

/**
 * The discovery document of a token's issuer: `{iss}/.well-known/openid-configuration`, with the
 * B2C policy from `tfp`/`acr` as `?p=` when the issuer is the tenant form (B2C has no tenant-wide
 * metadata: docs/b2c-ropc-protocol.md §1.3). An External ID issuer needs nothing more.
 */
export function issuerDiscoveryUrl(claims: JWTPayload): string {
  const { iss } = claims;
  if (typeof iss !== 'string' || iss === '') {
    throw new CliError(
      'unverifiable_token',
      'the token has no iss claim to find its keys by: pass --authority or --jwks-uri',
    );
  }
  let url: URL;
  try {
    url = checkTransport(iss, 'token issuer');
  } catch (error) {
    throw new CliError(
      'unverifiable_token',
      `${error instanceof Error ? error.message : 'the issuer is not usable'}: pass --authority ` +
        'or --jwks-uri, or --no-verify',
    );
  }
  const discovery = `${url.href.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const policy = policyOfClaims(claims as { tfp?: string; acr?: string });
  const tfpIssuer = url.pathname.toLowerCase().startsWith('/tfp/');
  return policy === undefined || tfpIssuer
    ? discovery
    : `${discovery}?p=${encodeURIComponent(policy)}`;
}

async function fromDiscovery(url: string, foundBy: KeySource['foundBy']): Promise<KeySource> {
  const document = await getJsonObject(url, 'the discovery document');
  const { jwks_uri: jwksUri, issuer } = document;
  if (typeof jwksUri !== 'string' || typeof issuer !== 'string') {
    throw new CliError(
      'unexpected_answer',
      `the discovery document at ${url} has no jwks_uri or issuer`,
    );
  }
  checkTransport(jwksUri, 'JWKS URI of the discovery document');
  return { jwksUri, issuer, foundBy };
}

/**
 * Finds the token's keys: `--jwks-uri` as given; else the discovery document of `--authority`;
 * else that of the token's own issuer. Keys found from the issuer prove only that the issuer the
 * token names signed it — pin `--authority` to check that it is the authority you trust.
 */
export async function findKeySource(
  claims: JWTPayload,
  options: KeySourceOptions,
): Promise<KeySource> {
  if (options.jwksUri !== undefined) {
    checkTransport(options.jwksUri, 'JWKS URI');
    return { jwksUri: options.jwksUri, foundBy: 'jwks-uri' };
  }
  if (options.authority !== undefined) {
    const authority = resolveAuthority(options.authority, options.kind);
    return fromDiscovery(authority.discoveryUrl, 'authority');
  }
  return fromDiscovery(issuerDiscoveryUrl(claims), 'issuer');
}
