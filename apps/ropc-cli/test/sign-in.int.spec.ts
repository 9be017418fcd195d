import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALICE,
  B2C_CLIENT_ID,
  B2C_TENANT,
  NATIVE_CLIENT_ID,
  NATIVE_TENANT,
  makeConfigDir,
  removeConfigDir,
  runRopc,
  startTestEmulator,
  type TestEmulator,
} from './cli-harness';

// sign-in, refresh, token decode, profiles and usage errors: the built CLI against one emulator.

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

describe('ropc sign-in, refresh, token decode, profile', () => {
  let emulator: TestEmulator;
  let configDir: string;
  let b2cAuthority: string;
  let nativeAuthority: string;
  const env = (): Record<string, string> => ({ ROPC_CONFIG_DIR: configDir });
  const b2cArgs = (): string[] => [
    '--authority',
    b2cAuthority,
    '--client-id',
    B2C_CLIENT_ID,
    '--username',
    ALICE.username,
  ];
  const nativeArgs = (): string[] => [
    '--authority',
    nativeAuthority,
    '--client-id',
    NATIVE_CLIENT_ID,
    '--username',
    ALICE.username,
  ];
  const jsonOf = (text: string): Record<string, unknown> =>
    JSON.parse(text) as Record<string, unknown>;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    b2cAuthority = `${emulator.url}/${B2C_TENANT}/B2C_1_ROPC_Auth`;
    nativeAuthority = `${emulator.url}/${NATIVE_TENANT}/`;
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(() => {
    configDir = makeConfigDir();
  });

  afterEach(() => {
    removeConfigDir(configDir);
  });

  describe('sign-in', () => {
    it('signs in to B2C with the password on stdin and shows claims and expiry, no token', async () => {
      const run = await runRopc(['sign-in', ...b2cArgs(), '--password-stdin'], {
        input: `${ALICE.password}\n`,
        env: env(),
      });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Signed in as alice@contoso\.com \(Azure AD B2C ROPC\)\n/);
      expect(run.stdout).toMatch(/^name +Alice Contoso$/m);
      expect(run.stdout).toMatch(/^id token +\S+Z \(expires in (59 minutes|1 hour)\)$/m);
      expect(run.stdout).toMatch(/^refresh token +\S+Z \(expires in 14 days\)$/m);
      expect(run.stdout).not.toContain('eyJ');
      expect(run.stdout).not.toContain(ALICE.password);
    });

    it('prints the token response with --json', async () => {
      const run = await runRopc(
        ['sign-in', ...b2cArgs(), '--password-stdin', '--json', '--scope', 'openid offline_access'],
        { input: ALICE.password, env: env() },
      );
      expect(run.code).toBe(0);
      const body = jsonOf(run.stdout);
      expect(body).toEqual({
        kind: 'b2c',
        authority: b2cAuthority,
        username: ALICE.username,
        tokenType: 'Bearer',
        idToken: expect.stringMatching(JWT) as unknown,
        refreshToken: expect.any(String) as unknown,
        idTokenExpiresAt: expect.stringMatching(/Z$/) as unknown,
        refreshTokenExpiresAt: expect.stringMatching(/Z$/) as unknown,
      });
    });

    it('exits 3 on a wrong password with the AADB2C code, never echoing the password', async () => {
      const wrong = 'Not-Alice-Passw0rd!';
      const run = await runRopc(['sign-in', ...b2cArgs(), '--password-stdin'], {
        input: wrong,
        env: env(),
      });
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^ropc: the authority refused the sign-in: .*\(AADB2C90225\)\n/);
      expect(run.stderr).toContain('b2cCode: AADB2C90225');
      expect(run.stderr).not.toContain(wrong);

      const json = await runRopc(['sign-in', ...b2cArgs(), '--password-stdin', '--json'], {
        input: wrong,
        env: env(),
      });
      expect(json.code).toBe(3);
      expect(jsonOf(json.stderr)).toEqual({
        error: {
          code: 'invalid_credentials',
          message: expect.stringContaining('AADB2C90225') as unknown,
          error: 'access_denied',
          b2cCode: 'AADB2C90225',
          correlationId: expect.any(String) as unknown,
        },
      });
      expect(json.stderr).not.toContain(wrong);
    });

    it('signs in to External ID with native authentication (initiate, challenge, token)', async () => {
      const run = await runRopc(['sign-in', ...nativeArgs(), '--password-stdin', '--json'], {
        input: ALICE.password,
        env: env(),
      });
      expect(run.code).toBe(0);
      expect(jsonOf(run.stdout)).toMatchObject({
        kind: 'external-id',
        tokenType: 'Bearer',
        scope: 'openid profile offline_access',
        accessToken: expect.stringMatching(JWT) as unknown,
        idToken: expect.stringMatching(JWT) as unknown,
        refreshToken: expect.any(String) as unknown,
      });

      const wrong = await runRopc(['sign-in', ...nativeArgs(), '--password-stdin', '--json'], {
        input: 'Wrong-Passw0rd!',
        env: env(),
      });
      expect(wrong.code).toBe(3);
      expect(jsonOf(wrong.stderr)).toMatchObject({
        error: { code: 'invalid_password', error: 'invalid_grant', errorCodes: '50126' },
      });
    });

    it('exits 4 when the authority cannot be reached', async () => {
      const run = await runRopc(
        ['sign-in', ...b2cArgs(), '--authority', `http://127.0.0.1:9/${B2C_TENANT}/B2C_1_X`],
        { input: ALICE.password, env: env() },
      );
      // No --password-stdin and stdin is no terminal: a usage error before any call.
      expect(run.code).toBe(2);
      const unreachable = await runRopc(
        [
          'sign-in',
          ...b2cArgs(),
          '--authority',
          `http://127.0.0.1:9/${B2C_TENANT}/B2C_1_X`,
          '--password-stdin',
          '--json',
        ],
        { input: ALICE.password, env: env() },
      );
      expect(unreachable.code).toBe(4);
      expect(jsonOf(unreachable.stderr)).toEqual({
        error: { code: 'unreachable', message: 'the token endpoint could not be reached' },
      });
    });
  });

  describe('refresh', () => {
    it('redeems the refresh token sign-in --save kept, and saves the new one (0600)', async () => {
      const signIn = await runRopc(['sign-in', ...b2cArgs(), '--password-stdin', '--save'], {
        input: ALICE.password,
        env: env(),
      });
      expect(signIn.code).toBe(0);
      const sessionFile = join(configDir, 'sessions', 'default.json');
      expect(signIn.stdout).toContain(`Session saved to ${sessionFile}`);
      expect(statSync(sessionFile).mode & 0o777).toBe(0o600);
      const before = jsonOf(readFileSync(sessionFile, 'utf8'));

      const run = await runRopc(['refresh', '--json'], { env: env() });
      expect(run.code).toBe(0);
      const body = jsonOf(run.stdout);
      expect(body).toMatchObject({ kind: 'b2c', authority: b2cAuthority, savedTo: sessionFile });
      const after = jsonOf(readFileSync(sessionFile, 'utf8'));
      expect((after['tokens'] as Record<string, unknown>)['refreshToken']).toBe(
        body['refreshToken'],
      );
      expect(body['refreshToken']).not.toBe(
        (before['tokens'] as Record<string, unknown>)['refreshToken'],
      );
      expect(statSync(sessionFile).mode & 0o777).toBe(0o600);
    });

    it('redeems a native-auth refresh token from stdin', async () => {
      const signIn = await runRopc(['sign-in', ...nativeArgs(), '--password-stdin', '--json'], {
        input: ALICE.password,
        env: env(),
      });
      const refreshToken = String(jsonOf(signIn.stdout)['refreshToken']);
      const run = await runRopc(
        [
          'refresh',
          '--refresh-token-stdin',
          '--authority',
          nativeAuthority,
          '--client-id',
          NATIVE_CLIENT_ID,
        ],
        { input: refreshToken, env: env() },
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Refreshed\n/);
      expect(run.stdout).not.toContain(refreshToken);

      const garbage = await runRopc(
        [
          'refresh',
          '--refresh-token-stdin',
          '--authority',
          b2cAuthority,
          '--client-id',
          B2C_CLIENT_ID,
        ],
        { input: 'not-a-refresh-token', env: env() },
      );
      expect(garbage.code).toBe(3);
    });

    it('is a usage error with no refresh token anywhere', async () => {
      const run = await runRopc(['refresh', '--json'], { env: env() });
      expect(run.code).toBe(2);
      expect(jsonOf(run.stderr)).toEqual({
        error: { code: 'usage', message: expect.stringContaining('no refresh token') as unknown },
      });
    });
  });

  describe('token decode', () => {
    let idToken: string;

    beforeAll(async () => {
      const dir = makeConfigDir();
      const run = await runRopc(['sign-in', ...b2cArgs(), '--password-stdin', '--json'], {
        input: ALICE.password,
        env: { ROPC_CONFIG_DIR: dir },
      });
      removeConfigDir(dir);
      idToken = String(jsonOf(run.stdout)['idToken']);
    });

    it('shows header and claims as tables and verifies the signature via issuer discovery', async () => {
      const run = await runRopc(['token', 'decode', idToken], { env: env() });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Header\ntyp  JWT\nalg  RS256\n/);
      expect(run.stdout).toMatch(/^exp +\S+Z \(expires in (59 minutes|1 hour)\)$/m);
      expect(run.stdout).toMatch(/^tfp +B2C_1_ROPC_Auth$/m);
      expect(run.stdout).toMatch(
        /^Signature: verified against http:\/\/127\.0\.0\.1:\d+\/\S+\/keys/m,
      );
    });

    it('reads the token from stdin and answers JSON', async () => {
      const run = await runRopc(['token', 'decode', '-', '--json', '--authority', b2cAuthority], {
        input: `${idToken}\n`,
        env: env(),
      });
      expect(run.code).toBe(0);
      expect(jsonOf(run.stdout)).toMatchObject({
        header: { alg: 'RS256', typ: 'JWT' },
        claims: { tfp: 'B2C_1_ROPC_Auth', emails: [ALICE.username] },
        expired: false,
        signature: { verified: true, jwksUri: expect.stringContaining('/keys') as unknown },
      });
    });

    it('exits 5 for a token whose claims were changed, and shows it with --no-verify', async () => {
      const [header, payload, signature] = idToken.split('.');
      const claims = jsonOf(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
      const forged = Buffer.from(JSON.stringify({ ...claims, name: 'Mallory' })).toString(
        'base64url',
      );
      const tampered = `${header ?? ''}.${forged}.${signature ?? ''}`;
      const run = await runRopc(['token', 'decode', tampered, '--json'], { env: env() });
      expect(run.code).toBe(5);
      expect(jsonOf(run.stdout)).toMatchObject({
        claims: { name: 'Mallory' },
        signature: { verified: false, reason: 'signature_invalid' },
      });
      expect(jsonOf(run.stderr)).toEqual({
        error: { code: 'signature_invalid', message: 'the token signature is invalid' },
      });

      const unchecked = await runRopc(['token', 'decode', tampered, '--no-verify'], { env: env() });
      expect(unchecked.code).toBe(0);
      expect(unchecked.stdout).toContain('Signature: not checked (--no-verify)');
    });

    it('is a usage error for input that is not a JWT', async () => {
      const run = await runRopc(['token', 'decode', 'not.a.jwt'], { env: env() });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ropc: the input is not a JWT/);
    });
  });

  describe('profiles', () => {
    it('saves a profile (0600) that sign-in uses, with flags and environment taking precedence', async () => {
      const save = await runRopc(['profile', 'save', 'dev', ...b2cArgs()], { env: env() });
      expect(save.code).toBe(0);
      const file = join(configDir, 'profiles.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(jsonOf(readFileSync(file, 'utf8'))).toEqual({
        profiles: {
          dev: { authority: b2cAuthority, clientId: B2C_CLIENT_ID, username: ALICE.username },
        },
      });

      const signIn = await runRopc(['sign-in', '--profile', 'dev', '--password-stdin', '--json'], {
        input: ALICE.password,
        env: env(),
      });
      expect(signIn.code).toBe(0);
      expect(jsonOf(signIn.stdout)).toMatchObject({ username: ALICE.username });

      // The environment beats the profile (bob), a flag beats the environment (alice again).
      const byEnv = await runRopc(['sign-in', '--password-stdin', '--json'], {
        input: 'Bob-Passw0rd!',
        env: { ...env(), ROPC_PROFILE: 'dev', ROPC_USERNAME: 'bob@contoso.com' },
      });
      expect(jsonOf(byEnv.stdout)).toMatchObject({ username: 'bob@contoso.com' });
      const byFlag = await runRopc(
        ['sign-in', '--username', ALICE.username, '--password-stdin', '--json'],
        {
          input: ALICE.password,
          env: { ...env(), ROPC_PROFILE: 'dev', ROPC_USERNAME: 'bob@contoso.com' },
        },
      );
      expect(jsonOf(byFlag.stdout)).toMatchObject({ username: ALICE.username });

      const list = await runRopc(['profile', 'list', '--json'], { env: env() });
      expect(jsonOf(list.stdout)).toEqual(jsonOf(readFileSync(file, 'utf8')));
      const show = await runRopc(['profile', 'show', 'dev'], { env: env() });
      expect(show.stdout).toBe(
        `authority  ${b2cAuthority}\nclientId   ${B2C_CLIENT_ID}\nusername   ${ALICE.username}\n`,
      );
      expect((await runRopc(['profile', 'remove', 'dev'], { env: env() })).code).toBe(0);
      const gone = await runRopc(['sign-in', '--profile', 'dev', '--password-stdin'], {
        input: ALICE.password,
        env: env(),
      });
      expect(gone).toMatchObject({ code: 2, stderr: 'ropc: no profile named dev\n' });
    });
  });

  describe('usage errors (exit 2)', () => {
    it.each([
      [[], /Exit codes/],
      [['launch'], /unknown command "launch"/],
      [['sign-in', '--password', 'x'], /Unknown option '--password'/],
      [['sign-in', '--password-stdin'], /--authority is required \(or ROPC_AUTHORITY/],
      [['token', 'decode', 'a', 'b'], /unexpected argument/],
      [['users', 'list'], /--emulator URL \(or ROPC_EMULATOR_URL\) is required/],
    ])('ropc %j', async (args, message) => {
      const run = await runRopc(args, { env: env() });
      expect(run.code).toBe(2);
      expect(`${run.stdout}${run.stderr}`).toMatch(message);
    });

    it('reports a usage error as JSON under --json', async () => {
      const run = await runRopc(['sign-in', '--json', '--bogus'], { env: env() });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(jsonOf(run.stderr)).toEqual({
        error: { code: 'usage', message: expect.stringContaining("'--bogus'") as unknown },
      });
    });

    it('documents the exit codes in --help', async () => {
      const run = await runRopc(['--help'], { env: env() });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('3  refused by the authority');
      expect(run.stdout).toContain('There is no --password flag');
    });
  });
});
