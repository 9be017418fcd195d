import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  ALICE,
  CLIENT_ID,
  NOTES_READ,
  POLICY,
  TENANT,
  TENANT_ID,
  startEmulator,
  type RunningEmulator,
} from './start-emulator';

const run = promisify(execFile);

describe('b2c-emulator with a standard OIDC client (openid-client)', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ https: true });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it('performs discovery over HTTPS and both grants with default validation on', async () => {
    const discovery = `${emulator.httpsUrl ?? ''}/${TENANT}/${POLICY}/v2.0/.well-known/openid-configuration`;
    const { stdout } = await run(
      process.execPath,
      [
        join(__dirname, 'interop', 'openid-client-interop.mjs'),
        discovery,
        CLIENT_ID,
        ALICE.username,
        ALICE.password,
        `openid offline_access ${NOTES_READ}`,
      ],
      { env: { PATH: process.env['PATH'] ?? '', NODE_EXTRA_CA_CERTS: emulator.certPath ?? '' } },
    );
    const result = JSON.parse(stdout) as {
      issuer: string;
      tokenEndpoint: string;
      signIn: { tokenType: string; expiresIn: number; claims: Record<string, unknown> };
      refreshed: { rotated: boolean; claims: Record<string, unknown> };
    };
    expect(result.issuer).toBe(`${emulator.httpsUrl ?? ''}/${TENANT_ID}/v2.0/`);
    expect(result.tokenEndpoint).toBe(
      `${emulator.httpsUrl ?? ''}/${TENANT}/b2c_1_ropc_auth/oauth2/v2.0/token`,
    );
    expect(result.signIn.tokenType).toBe('bearer');
    expect(result.signIn.expiresIn).toBeGreaterThan(3590);
    expect(result.signIn.claims).toMatchObject({
      aud: CLIENT_ID,
      name: 'Alice Contoso',
      tfp: POLICY,
    });
    expect(result.refreshed).toMatchObject({ rotated: true, claims: { aud: CLIENT_ID } });
  });
});
