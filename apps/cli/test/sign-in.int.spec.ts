import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALICE,
  B2C_CLIENT_ID,
  CAROL,
  EXTERNAL_ID_OTP_APP,
  EXTERNAL_ID_PASSWORD_APP,
  ROPC_BIN,
  temporaryDirectory,
} from './cli-test-env';
import { completion, jsonOf, runRopc, spawnRopc } from './run-ropc';
import { startEmulator, type TestEmulator } from './start-emulator';

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

describe('ropc sign-in and refresh against the emulator', () => {
  let emulator: TestEmulator;
  let config: ReturnType<typeof temporaryDirectory>;
  let env: Record<string, string>;

  beforeAll(async () => {
    config = temporaryDirectory('ropc-cli-config-');
    emulator = await startEmulator();
    env = { ROPC_CONFIG_DIR: config.path };
  });

  afterAll(async () => {
    // A failed start leaves nothing to stop; the first error is the one to read.
    await (emulator as TestEmulator | undefined)?.stop();
    config.remove();
  });

  const b2cFlags = (): string[] => [
    '--authority',
    emulator.b2cAuthority,
    '--client-id',
    B2C_CLIENT_ID,
    '--username',
    ALICE.username,
  ];
  const externalIdFlags = (clientId = EXTERNAL_ID_PASSWORD_APP): string[] => [
    '--authority',
    emulator.externalIdAuthority,
    '--client-id',
    clientId,
  ];

  it('signs in to B2C with the password on stdin and shows who, and until when, but no token', async () => {
    const run = await runRopc(['sign-in', ...b2cFlags(), '--password-stdin'], {
      stdin: `${ALICE.password}\n`,
      env,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(
      `Signed in at ${emulator.b2cAuthority} (Azure AD B2C, ROPC) as alice@contoso.com`,
    );
    expect(run.stdout).toMatch(/^ {2}name {11}Alice Contoso$/m);
    expect(run.stdout).toMatch(/^ {2}object id {6}26926d34-dad3-45bb-8bff-84a5f01522d9$/m);
    expect(run.stdout).toMatch(
      /^ {2}access token {3}expires in 59 minutes \(\d{4}-\d\d-\d\dT[\d:]{8}Z\)$/m,
    );
    expect(run.stdout).toContain('not saved (--save keeps it for ropc refresh)');
    expect(run.stdout).not.toContain(ALICE.password);
    expect(run.stdout).not.toMatch(/eyJ/);
  });

  it('prints the token response with --json', async () => {
    const run = await runRopc(['sign-in', ...b2cFlags(), '--password-stdin', '--json'], {
      stdin: ALICE.password,
      env,
    });
    expect(run.code).toBe(0);
    const body = jsonOf(run.stdout);
    expect(Object.keys(body)).toEqual([
      'kind',
      'authority',
      'clientId',
      'username',
      'tokenType',
      'scope',
      'accessToken',
      'idToken',
      'refreshToken',
      'accessTokenExpiresAt',
      'idTokenExpiresAt',
      'refreshTokenExpiresAt',
    ]);
    expect(body).toMatchObject({
      kind: 'b2c',
      authority: emulator.b2cAuthority,
      clientId: B2C_CLIENT_ID,
      username: ALICE.username,
      tokenType: 'Bearer',
      scope: `openid offline_access ${B2C_CLIENT_ID}`,
      accessToken: expect.stringMatching(JWT),
      idToken: expect.stringMatching(JWT),
      refreshToken: expect.any(String),
      accessTokenExpiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
    });
  });

  it('prints one raw token with --print, for a pipe', async () => {
    const run = await runRopc(
      ['sign-in', ...b2cFlags(), '--password-stdin', '--print', 'id-token'],
      {
        stdin: ALICE.password,
        env,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('exits 3 on a wrong password, shows the AADB2C error and never the password', async () => {
    const wrong = 'Not-Alice-Passw0rd!';
    const run = await runRopc(['sign-in', ...b2cFlags(), '--password-stdin'], {
      stdin: wrong,
      env,
    });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'ropc: the authority refused: AADB2C90225: The username or password provided in the ' +
        'request are invalid.\n',
    );
    const json = await runRopc(['sign-in', ...b2cFlags(), '--password-stdin', '--json'], {
      stdin: wrong,
      env,
    });
    expect(json.code).toBe(3);
    expect(json.stdout).toBe('');
    expect(jsonOf(json.stderr)).toEqual({
      error: {
        code: 'refused',
        message:
          'the authority refused: AADB2C90225: The username or password provided in the request are invalid.',
        status: 400,
        error: 'access_denied',
        b2cCode: 'AADB2C90225',
        errorClass: 'invalid_credentials',
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    });
    expect(`${run.stderr}${json.stderr}`).not.toContain(wrong);
  });

  it('signs in to External ID natively (initiate, challenge, password grant)', async () => {
    const run = await runRopc(
      ['sign-in', ...externalIdFlags(), '-u', ALICE.username, '--password-stdin', '--json'],
      { stdin: ALICE.password, env },
    );
    expect(run.code).toBe(0);
    expect(jsonOf(run.stdout)).toMatchObject({
      kind: 'external-id',
      authority: emulator.externalIdAuthority,
      clientId: EXTERNAL_ID_PASSWORD_APP,
      tokenType: 'Bearer',
      scope: 'openid profile offline_access',
      accessToken: expect.stringMatching(JWT),
      idToken: expect.stringMatching(JWT),
      refreshToken: expect.any(String),
    });
    const human = await runRopc(
      ['sign-in', ...externalIdFlags(), '-u', ALICE.username, '--password-stdin'],
      { stdin: ALICE.password, env },
    );
    expect(human.stdout).toContain(
      '(Entra External ID, native authentication) as alice@contoso.com',
    );
    expect(human.stdout).toMatch(/^ {2}tenant id {6}7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37$/m);
  });

  it('exits 3 on a wrong External ID password with the AADSTS error', async () => {
    const run = await runRopc(
      ['sign-in', ...externalIdFlags(), '-u', ALICE.username, '--password-stdin', '--json'],
      { stdin: 'Wrong-Passw0rd!', env },
    );
    expect(run.code).toBe(3);
    expect(jsonOf(run.stderr)).toMatchObject({
      error: {
        code: 'refused',
        message: expect.stringMatching(/^the authority refused: AADSTS50126: /),
        error: 'invalid_grant',
        errorCodes: [50126],
        kind: 'invalid_password',
      },
    });
    expect(run.stderr).not.toContain('Wrong-Passw0rd!');
  });

  it('signs a code-only External ID user in with the e-mailed code from --code-stdin', async () => {
    const child = spawnRopc(
      [
        'sign-in',
        ...externalIdFlags(EXTERNAL_ID_OTP_APP),
        '-u',
        CAROL.username,
        '--code-stdin',
        '--json',
      ],
      env,
    );
    const done = completion(child);
    await new Promise<void>((resolve) => {
      let printed = '';
      child.stderr.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
        if (printed.includes('A one-time code was sent to')) resolve();
      });
    });
    const outbox = (await (
      await emulator.admin('GET', `/.emulator/outbox?to=${encodeURIComponent(CAROL.username)}`)
    ).json()) as { messages: { code: string }[] };
    child.stdin.end(`${outbox.messages[0]?.code ?? ''}\n`);
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^A one-time code was sent to c\*\*\*l@\S+\.\n$/);
    expect(jsonOf(run.stdout)).toMatchObject({
      kind: 'external-id',
      idToken: expect.stringMatching(JWT),
    });
  });

  it('prompts for the password on a terminal without echoing it', async () => {
    // `script` gives ropc a pseudo-terminal; everything the terminal showed comes back on stdout.
    const command = [process.execPath, ROPC_BIN, 'sign-in', ...b2cFlags()].join(' ');
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    const done = completion(child);
    let shown = '';
    child.stdout.on('data', (chunk: Buffer) => {
      shown += chunk.toString('utf8');
      if (shown === 'Password: ') child.stdin.write(`${ALICE.password}\r`);
    });
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Password: \r\nSigned in at /);
    expect(run.stdout).not.toContain(ALICE.password);
  });

  it('refreshes the session saved by sign-in --save and stores the new refresh token (0600)', async () => {
    const signedIn = await runRopc(['sign-in', ...b2cFlags(), '--password-stdin', '--save'], {
      stdin: ALICE.password,
      env,
    });
    expect(signedIn.code).toBe(0);
    const sessionFile = join(config.path, 'sessions', 'default.json');
    expect(signedIn.stdout).toContain(`; saved to ${sessionFile}`);
    expect(statSync(sessionFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(config.path, 'sessions')).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(readFileSync(sessionFile, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({
      version: 1,
      kind: 'b2c',
      authority: emulator.b2cAuthority,
      clientId: B2C_CLIENT_ID,
      username: ALICE.username,
      refreshToken: expect.any(String),
    });
    expect(JSON.stringify(saved)).not.toContain(ALICE.password);

    const refreshed = await runRopc(['refresh', '--json'], { env });
    expect(refreshed.code).toBe(0);
    const body = jsonOf(refreshed.stdout);
    expect(body).toMatchObject({
      kind: 'b2c',
      accessToken: expect.stringMatching(JWT),
      savedTo: sessionFile,
    });
    const after = JSON.parse(readFileSync(sessionFile, 'utf8')) as Record<string, unknown>;
    expect(after['refreshToken']).toBe(body['refreshToken']);
    expect(after['refreshToken']).not.toBe(saved['refreshToken']);

    const again = await runRopc(['refresh'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Refreshed at ${emulator.b2cAuthority}`);
  });

  it('refreshes an External ID token read from stdin', async () => {
    const signedIn = await runRopc(
      [
        'sign-in',
        ...externalIdFlags(),
        '-u',
        ALICE.username,
        '--password-stdin',
        '--print',
        'refresh-token',
      ],
      { stdin: ALICE.password, env },
    );
    const run = await runRopc(
      ['refresh', ...externalIdFlags(), '--refresh-token-stdin', '--json'],
      {
        stdin: signedIn.stdout,
        env,
      },
    );
    expect(run.code).toBe(0);
    expect(jsonOf(run.stdout)).toMatchObject({
      kind: 'external-id',
      accessToken: expect.stringMatching(JWT),
    });
    const spent = await runRopc(['refresh', ...externalIdFlags(), '--refresh-token-stdin'], {
      stdin: 'not-a-refresh-token',
      env,
    });
    expect(spent.code).toBe(3);
    expect(spent.stderr).toMatch(/^ropc: the authority refused: AADSTS\d+: /);
  });
});
