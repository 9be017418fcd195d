// A test-only stand-in for an External ID tenant's metadata on 127.0.0.1: discovery under
// `/{tenant}/v2.0/.well-known/openid-configuration` (issuer `{origin}/{tenantId}/v2.0`, as the
// emulator and the service write it) and a JWKS of one key the test holds, so a test can sign
// any claims it likes — a `tid` of another tenant, say — with a key the API trusts.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { EXTERNAL_TENANT, EXTERNAL_TENANT_ID } from './external-id-sign-in';

export class FakeExternalIdAuthority {
  private constructor(
    private readonly server: Server,
    readonly origin: string,
    private readonly kid: string,
    private readonly privateKey: CryptoKey,
  ) {}

  static async start(): Promise<FakeExternalIdAuthority> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const { n, e } = await exportJWK(publicKey);
    const kid = randomBytes(16).toString('base64url');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    const base = `${origin}/${EXTERNAL_TENANT_ID}`;
    const documents = new Map<string, unknown>([
      [
        `/${EXTERNAL_TENANT}/v2.0/.well-known/openid-configuration`,
        {
          issuer: `${base}/v2.0`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
        },
      ],
      [
        `/${EXTERNAL_TENANT_ID}/discovery/v2.0/keys`,
        { keys: [{ kty: 'RSA', use: 'sig', kid, n, e }] },
      ],
    ]);
    server.on('request', (request, response) => {
      const body = documents.get(new URL(request.url ?? '/', origin).pathname);
      response
        .writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify(body ?? { error: 'not_found' }));
    });
    return new FakeExternalIdAuthority(server, origin, kid, privateKey);
  }

  /** What `EXTERNAL_ID_AUTHORITY` names: the tenant under this origin. */
  get authority(): string {
    return `${this.origin}/${EXTERNAL_TENANT}`;
  }

  get issuer(): string {
    return `${this.origin}/${EXTERNAL_TENANT_ID}/v2.0`;
  }

  /** Signs `claims` with this authority's key, under its kid. */
  sign(claims: Record<string, unknown>): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: this.kid })
      .sign(this.privateKey);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
