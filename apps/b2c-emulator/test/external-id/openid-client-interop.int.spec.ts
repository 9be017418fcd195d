import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type RunningEmulator } from '../start-emulator';
import {
  ALICE,
  EXTERNAL_ID_TENANT_FILE,
  EXTERNAL_TENANT,
  EXTERNAL_TENANT_ID,
  NOTES_READ,
  NativeAuthTestClient,
  SPA_CLIENT_ID,
} from './native-auth-client';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', 'interop', 'external-id-openid-client-interop.mjs');

describe('External ID tenant with a standard OIDC client (openid-client)', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ tenantFile: EXTERNAL_ID_TENANT_FILE, https: true });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it("reads the tenant's discovery over HTTPS and validates its id tokens' signatures against the JWKS, on sign-in and refresh", async () => {
    // The first steps over plain HTTP with the library's builders; the token grant through
    // openid-client over HTTPS (a continuation token is not bound to an origin).
    const client = new NativeAuthTestClient(emulator);
    const token = await client.passwordChallengeToken(SPA_CLIENT_ID, ALICE.username);
    const https = emulator.httpsUrl ?? '';
    const scope = `openid profile offline_access ${NOTES_READ}`;
    const { stdout } = await run(
      process.execPath,
      [
        SCRIPT,
        `${https}/${EXTERNAL_TENANT}/v2.0/.well-known/openid-configuration`,
        SPA_CLIENT_ID,
        token,
        ALICE.password,
        scope,
      ],
      { env: { PATH: process.env['PATH'] ?? '', NODE_EXTRA_CA_CERTS: emulator.certPath ?? '' } },
    );
    const result = JSON.parse(stdout) as {
      issuer: string;
      tokenEndpoint: string;
      jwksUri: string;
      signIn: {
        tokenType: string;
        expiresIn: number;
        claims: Record<string, unknown>;
        kid: string;
      };
      refreshed: { rotated: boolean; claims: Record<string, unknown> };
    };
    const issuer = `${https}/${EXTERNAL_TENANT_ID}/v2.0`;
    expect(result.issuer).toBe(issuer);
    expect(result.tokenEndpoint).toBe(`${https}/${EXTERNAL_TENANT_ID}/oauth2/v2.0/token`);
    expect(result.jwksUri).toBe(`${https}/${EXTERNAL_TENANT_ID}/discovery/v2.0/keys`);
    expect(result.signIn.tokenType).toBe('bearer');
    expect(result.signIn.expiresIn).toBeGreaterThan(3590);
    expect(result.signIn.claims).toMatchObject({
      iss: issuer,
      aud: SPA_CLIENT_ID,
      oid: ALICE.id,
      tid: EXTERNAL_TENANT_ID,
      preferred_username: ALICE.username,
      ver: '2.0',
    });
    expect(result.signIn.claims['tfp']).toBeUndefined();
    const keys = (await (
      await fetch(`${emulator.url}/${EXTERNAL_TENANT}/discovery/v2.0/keys`)
    ).json()) as {
      keys: { kid: string }[];
    };
    expect(keys.keys.map((key) => key.kid)).toContain(result.signIn.kid);
    expect(result.refreshed).toMatchObject({
      rotated: true,
      claims: { iss: issuer, aud: SPA_CLIENT_ID, oid: ALICE.id, sub: result.signIn.claims['sub'] },
    });
  });
});
