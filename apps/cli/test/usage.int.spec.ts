import { temporaryDirectory } from './cli-test-env';
import { jsonOf, runRopc } from './run-ropc';

/** Runs that end before any network call: no emulator needed. */
describe('ropc usage errors, help and exit codes', () => {
  let config: ReturnType<typeof temporaryDirectory>;
  let env: Record<string, string>;

  beforeAll(() => {
    config = temporaryDirectory('ropc-cli-config-');
    env = { ROPC_CONFIG_DIR: config.path };
  });

  afterAll(() => {
    config.remove();
  });

  it('prints help with the exit codes, and its version', async () => {
    const help = await runRopc(['--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ropc — sign in to Azure AD B2C/);
    for (const line of [
      '  2    usage:',
      '  3    refused by the authority',
      '  4    authority unreachable',
      '  5    token decode:',
    ]) {
      expect(help.stdout).toContain(line);
    }
    expect(help.stdout).toContain('There is no --password flag');
    const commandHelp = await runRopc(['token', 'decode', '--help'], { env });
    expect(commandHelp.stdout).toMatch(/^Usage: ropc token decode \[TOKEN\|-\]/);
    const version = await runRopc(['--version', '--json'], { env });
    expect(jsonOf(version.stdout)).toEqual({ version: '0.1.0' });
  });

  it.each([
    [['nope'], 'unknown command nope (see ropc --help)'],
    [['--verbose'], 'the command comes first: ropc <command> [flags] (see ropc --help)'],
    [['sign-in', '--frobnicate'], 'unknown flag --frobnicate (see --help)'],
    [['sign-in', '--authority'], 'flag --authority is missing its value, or takes none'],
    [['sign-in'], 'no client-id: pass --client-id, set ROPC_CLIENT_ID, or save it in a profile'],
    [
      ['users', 'drop'],
      'ropc users takes create, list, disable, enable or revoke (see ropc users --help)',
    ],
    [['token', 'decode', 'a', 'b'], 'too many arguments: this command takes at most 1'],
  ])('exits 2 for %j', async (args, message) => {
    const authorityEnv: Record<string, string> =
      args[0] === 'sign-in' && args.length === 1
        ? { ROPC_AUTHORITY: 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_ROPC_Auth' }
        : {};
    const run = await runRopc(args, { env: { ...env, ...authorityEnv } });
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: `ropc: ${message}\n` });
  });

  it('refuses --password, naming the way to give one, and never repeats the value', async () => {
    const run = await runRopc(['sign-in', '--password=hunter2-secret', '--json'], { env });
    expect(run.code).toBe(2);
    expect(jsonOf(run.stderr)).toEqual({
      error: {
        code: 'usage',
        message:
          'there is no --password flag (a password on the command line lands in shell history and the process list): type it at the prompt, or pipe it with --password-stdin',
      },
    });
    expect(run.stderr).not.toContain('hunter2');
    const stray = await runRopc(['sign-in', 'hunter2-secret'], { env });
    expect(stray.code).toBe(2);
    expect(stray.stderr).not.toContain('hunter2');
  });

  it('refuses authorities it cannot use before sending anything', async () => {
    const flags = ['sign-in', '--client-id', 'c', '-u', 'alice@contoso.com', '--password-stdin'];
    const plainHttp = await runRopc(
      [...flags, '--authority', 'http://contoso.example/contoso.onmicrosoft.com/B2C_1_X'],
      {
        stdin: 'Passw0rd!',
        env,
      },
    );
    expect(plainHttp).toMatchObject({
      code: 2,
      stderr: 'ropc: the authority must use https (http only on localhost, 127.0.0.1 or [::1])\n',
    });
    const unknownShape = await runRopc([...flags, '--authority', 'https://login.example.com/'], {
      env,
    });
    expect(unknownShape.code).toBe(2);
    expect(unknownShape.stderr).toMatch(
      /^ropc: cannot tell the kind of this authority: pass --kind/,
    );
    const badKind = await runRopc(
      [...flags, '--authority', 'https://contoso.ciamlogin.com/', '--kind', 'aad'],
      { env },
    );
    expect(badKind.stderr).toBe('ropc: the kind must be one of b2c, external-id\n');
  });

  it('exits 2 when there is no password to read, and for --print with --json', async () => {
    const flags = [
      'sign-in',
      '--authority',
      'https://contoso.ciamlogin.com/',
      '--client-id',
      'c',
      '-u',
      'a@b.c',
    ];
    const noPassword = await runRopc([...flags, '--kind', 'b2c'], { env });
    expect(noPassword.code).toBe(2);
    const empty = await runRopc(
      [
        'sign-in',
        '--authority',
        'https://contoso.b2clogin.com/t/B2C_1_X',
        '--client-id',
        'c',
        '-u',
        'a@b.c',
        '--password-stdin',
      ],
      { stdin: '\n', env },
    );
    expect(empty).toMatchObject({ code: 2, stderr: 'ropc: stdin held no password\n' });
    const both = await runRopc([...flags, '--print', 'access-token', '--json'], { env });
    expect(jsonOf(both.stderr)).toEqual({
      error: { code: 'usage', message: '--print and --json cannot be combined' },
    });
  });
});
