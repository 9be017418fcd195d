// A small B2C look-alike on 127.0.0.1 for the tests: per-policy discovery documents and a JWKS in
// B2C's shape (kid, nbf, use, kty, e, n), keys generated per run, and a count of every request.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWTHeaderParameters } from 'jose';
import type { B2CJsonWebKey, B2CJsonWebKeySet, OpenIdConfiguration } from '@ropc/protocol';

export const TENANT = 'contoso.onmicrosoft.com';
export const TENANT_ID = '04fbcc13-aa6a-4630-aacc-9c6a9e838418';
export const POLICY = 'B2C_1_ROPC_Auth';
export const API_APP_ID = '0e842314-a3f9-451e-a34c-f22568d6db61';
export const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
export const ALICE_OID = '6f1f3a2e-8d4b-4c1a-9b7e-2a5d0c9e1f34';

/** A key pair and its B2C-shaped public JWK. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: B2CJsonWebKey;
}

/** A B2C custom-policy-like kid: 43 base64url characters. */
export const randomKid = (): string => randomBytes(32).toString('base64url');

export async function createSigningKey(kid = randomKid()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const { n, e } = await exportJWK(publicKey);
  const publicJwk: B2CJsonWebKey = {
    kid,
    nbf: 1_493_763_266,
    use: 'sig',
    kty: 'RSA',
    e: e as string,
    n: n as string,
  };
  return { kid, privateKey, publicJwk };
}

/** Request counts by endpoint kind. */
export interface RequestCounts {
  discovery: number;
  jwks: number;
}

export class FakeB2CAuthority {
  readonly counts: RequestCounts = { discovery: 0, jwks: 0 };
  /** When true, requests are accepted but never answered. */
  hang = false;
  /** Policies with a discovery document and key set. */
  readonly policies: string[];
  private published: SigningKey[];

  private constructor(
    private readonly server: Server,
    readonly origin: string,
    policies: string[],
    keys: SigningKey[],
  ) {
    this.policies = policies;
    this.published = keys;
  }

  static async start(keys: SigningKey[], policies = [POLICY]): Promise<FakeB2CAuthority> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const authority = new FakeB2CAuthority(server, `http://127.0.0.1:${port}`, policies, keys);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      authority.answer(request, response);
    });
    return authority;
  }

  /**
   * B2C's default issuer form (docs/b2c-ropc-protocol.md §1.5): the tenant id, with the trailing
   * slash.
   */
  get issuer(): string {
    return `${this.origin}/${TENANT_ID}/v2.0/`;
  }

  authority(policy = POLICY): string {
    return `${this.origin}/${TENANT}/${policy}`;
  }

  jwksUri(policy = POLICY): string {
    return `${this.origin}/${TENANT}/${policy.toLowerCase()}/discovery/v2.0/keys`;
  }

  /** Replaces the published key set. */
  publish(keys: SigningKey[]): void {
    this.published = keys;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', this.origin).pathname;
    if (path.endsWith('/v2.0/.well-known/openid-configuration')) this.counts.discovery += 1;
    if (path.endsWith('/discovery/v2.0/keys')) this.counts.jwks += 1;
    if (this.hang) return;
    const policy = this.policies.find(
      (name) =>
        path.toLowerCase() ===
          `/${TENANT}/${name}/v2.0/.well-known/openid-configuration`.toLowerCase() ||
        path === new URL(this.jwksUri(name)).pathname,
    );
    if (policy === undefined) {
      response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not_found"}');
      return;
    }
    const body: OpenIdConfiguration | B2CJsonWebKeySet = path.endsWith('/keys')
      ? { keys: this.published.map((key) => key.publicJwk) }
      : this.discovery(policy);
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }

  private discovery(policy: string): OpenIdConfiguration {
    const lower = policy.toLowerCase();
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.origin}/${TENANT}/${lower}/oauth2/v2.0/authorize`,
      token_endpoint: `${this.origin}/${TENANT}/${lower}/oauth2/v2.0/token`,
      jwks_uri: this.jwksUri(policy),
      response_modes_supported: ['query', 'fragment', 'form_post'],
      response_types_supported: ['token', 'id_token', 'token id_token'],
      scopes_supported: ['openid'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      claims_supported: ['name', 'emails', 'idp', 'oid', 'sub', 'tfp', 'iss', 'iat', 'exp', 'aud'],
    };
  }
}

/** Claims of an access token for alice; a claim set to undefined is left out. */
export function accessTokenClaims(
  issuer: string,
  nowSeconds: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    iss: issuer,
    exp: nowSeconds + 3600,
    nbf: nowSeconds,
    aud: API_APP_ID,
    oid: ALICE_OID,
    sub: ALICE_OID,
    name: 'Alice',
    emails: ['alice@contoso.com'],
    idp: 'LocalAccount',
    tfp: POLICY,
    scp: 'notes.read notes.write',
    azp: CLIENT_ID,
    ver: '1.0',
    iat: nowSeconds,
    ...overrides,
  };
}

/**
 * Signs claims as B2C does: `{"typ":"JWT","alg":"RS256","kid":...}` (docs/b2c-ropc-protocol.md
 * §1.4).
 */
export async function signToken(
  key: Pick<SigningKey, 'kid' | 'privateKey'>,
  claims: Record<string, unknown>,
  header: Partial<JWTHeaderParameters> = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: key.kid, ...header })
    .sign(key.privateKey);
}

/** A compact JWS with the given header and claims and a made-up signature. */
export function unsignedToken(header: object, claims: object, signature = ''): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(claims)}.${signature}`;
}

/** Resolves once `condition` holds; for effects started in the background. */
export async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
