import {
  ALICE,
  B2C_CLIENT_ID,
  B2C_TENANT_ID,
  EXTERNAL_ID_PASSWORD_APP,
  temporaryDirectory,
} from './cli-test-env';
import { jsonOf, runRopc } from './run-ropc';
import { startEmulator, type TestEmulator } from './start-emulator';

/** Replaces one claim of a signed token, keeping its signature: a forgery. */
function tamper(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object;
  const forged = Buffer.from(JSON.stringify({ ...decoded, ...claims })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}

describe('ropc token decode', () => {
  let emulator: TestEmulator;
  let config: ReturnType<typeof temporaryDirectory>;
  let env: Record<string, string>;
  let b2cToken: string;

  const signIn = async (print: string, authority = 'b2c'): Promise<string> => {
    const flags =
      authority === 'b2c'
        ? ['--authority', emulator.b2cAuthority, '--client-id', B2C_CLIENT_ID]
        : ['--authority', emulator.externalIdAuthority, '--client-id', EXTERNAL_ID_PASSWORD_APP];
    const run = await runRopc(
      ['sign-in', ...flags, '-u', ALICE.username, '--password-stdin', '--print', print],
      { stdin: ALICE.password, env },
    );
    expect(run.code).toBe(0);
    return run.stdout.trim();
  };

  beforeAll(async () => {
    config = temporaryDirectory('ropc-cli-config-');
    emulator = await startEmulator();
    env = { ROPC_CONFIG_DIR: config.path };
    b2cToken = await signIn('access-token');
  });

  afterAll(async () => {
    // A failed start leaves nothing to stop; the first error is the one to read.
    await (emulator as TestEmulator | undefined)?.stop();
    config.remove();
  });

  it('shows header and claims as aligned rows and verifies the signature from the issuer', async () => {
    const run = await runRopc(['token', 'decode', b2cToken], { env });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const issuer = `${emulator.url}/${B2C_TENANT_ID}/v2.0/`;
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Header');
    expect(lines).toContain('  typ  JWT');
    expect(lines).toContain('  alg  RS256');
    expect(lines).toContain('Claims');
    expect(lines).toContain(`  iss     ${issuer}`);
    expect(lines).toContain(`  aud     ${B2C_CLIENT_ID}`);
    expect(lines).toContain('  emails  ["alice@contoso.com"]');
    expect(run.stdout).toMatch(/^ {2}exp {5}\d{4}-\d\d-\d\dT[\d:]{8}Z \(expires in 59 minutes\)$/m);
    expect(run.stdout).toMatch(/^ {2}iat {5}\S+ \((now|\d+ seconds? ago)\)$/m);
    expect(lines.at(-2)).toBe(
      `Signature  valid (key set ${emulator.url}/${B2C_TENANT_ID}/discovery/v2.0/keys?p=b2c_1_ropc_auth, found by issuer)`,
    );
  });

  it('reads the token from stdin and answers JSON', async () => {
    const run = await runRopc(['token', 'decode', '-', '--json'], { stdin: `${b2cToken}\n`, env });
    expect(run.code).toBe(0);
    const body = jsonOf(run.stdout);
    expect(Object.keys(body)).toEqual(['header', 'claims', 'times', 'expired', 'signature']);
    expect(body).toMatchObject({
      header: { alg: 'RS256', typ: 'JWT', kid: expect.any(String) },
      claims: { aud: B2C_CLIENT_ID, tfp: 'B2C_1_ROPC_Auth', oid: expect.any(String) },
      times: { exp: { at: expect.any(String), words: 'expires in 59 minutes' } },
      expired: false,
      signature: { status: 'valid', foundBy: 'issuer' },
    });
  });

  it('verifies against a pinned --authority and an External ID token from its issuer', async () => {
    const pinned = await runRopc(
      ['token', 'decode', b2cToken, '--authority', emulator.b2cAuthority, '--json'],
      { env },
    );
    expect(pinned.code).toBe(0);
    expect(jsonOf(pinned.stdout)).toMatchObject({
      signature: {
        status: 'valid',
        foundBy: 'authority',
        jwksUri: `${emulator.url}/contoso.onmicrosoft.com/b2c_1_ropc_auth/discovery/v2.0/keys`,
      },
    });
    const idToken = await signIn('id-token', 'external-id');
    const native = await runRopc(['token', 'decode', idToken, '--json'], { env });
    expect(native.code).toBe(0);
    expect(jsonOf(native.stdout)).toMatchObject({
      claims: { aud: EXTERNAL_ID_PASSWORD_APP, preferred_username: ALICE.username },
      signature: { status: 'valid', foundBy: 'issuer' },
    });
  });

  it('exits 5 for a tampered token, and decodes it with --no-verify', async () => {
    const forged = tamper(b2cToken, { name: 'Mallory' });
    const run = await runRopc(['token', 'decode', forged], { env });
    expect(run.code).toBe(5);
    expect(run.stdout).toContain('  name    Mallory');
    expect(run.stdout).toContain('Signature  NOT VALID: the signature does not match the token');
    expect(run.stderr).toBe('ropc: the signature does not match the token\n');

    const json = await runRopc(['token', 'decode', forged, '--json'], { env });
    expect(json.code).toBe(5);
    expect(jsonOf(json.stdout)).toMatchObject({
      signature: { status: 'failed', code: 'invalid_signature' },
    });
    expect(jsonOf(json.stderr)).toEqual({
      error: { code: 'invalid_signature', message: 'the signature does not match the token' },
    });

    const unchecked = await runRopc(['token', 'decode', forged, '--no-verify'], { env });
    expect(unchecked.code).toBe(0);
    expect(unchecked.stdout).toContain('Signature  not checked (--no-verify)');
  });

  it('exits 5 for a token signed by another authority than --authority', async () => {
    const run = await runRopc(
      ['token', 'decode', b2cToken, '--authority', emulator.externalIdAuthority, '--json'],
      { env },
    );
    expect(run.code).toBe(5);
    expect(jsonOf(run.stderr)).toMatchObject({
      error: {
        code: 'invalid_signature',
        message: expect.stringMatching(/^no key of .+ matches the token/),
      },
    });
  });

  it('exits 5 for an expired token and says how long ago', async () => {
    // Two hours back on the emulator's clock: the token it signs expired an hour ago.
    expect(
      (await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: -7200 })).status,
    ).toBe(200);
    let expired: string;
    try {
      expired = await signIn('access-token');
    } finally {
      await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: 0 });
    }
    const run = await runRopc(['token', 'decode', expired], { env });
    expect(run.code).toBe(5);
    expect(run.stdout).toMatch(/^ {2}exp {5}\S+ \(expired (59 minutes|1 hour) ago\)$/m);
    expect(run.stdout).toContain('Signature  valid');
    expect(run.stderr).toBe('ropc: the token has expired\n');
    const unchecked = await runRopc(['token', 'decode', expired, '--no-verify', '--json'], { env });
    expect(unchecked.code).toBe(0);
    expect(jsonOf(unchecked.stdout)).toMatchObject({
      expired: true,
      signature: { status: 'not_checked' },
    });
  });

  it('exits 5 for something that is not a JWT, and 4 when the keys cannot be fetched', async () => {
    const opaque = await runRopc(['token', 'decode', 'opaque-refresh-token', '--json'], { env });
    expect(opaque.code).toBe(5);
    expect(jsonOf(opaque.stderr)).toMatchObject({ error: { code: 'malformed_token' } });
    expect(opaque.stderr).not.toContain('opaque-refresh-token');

    const unreachable = await runRopc(
      ['token', 'decode', b2cToken, '--jwks-uri', 'http://127.0.0.1:1/keys', '--json'],
      { env },
    );
    expect(unreachable.code).toBe(4);
    expect(jsonOf(unreachable.stderr)).toEqual({
      error: { code: 'unreachable', message: 'the JWKS did not answer (http://127.0.0.1:1)' },
    });
  });
});
