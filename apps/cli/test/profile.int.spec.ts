import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ALICE, B2C_CLIENT_ID, EXTERNAL_ID_PASSWORD_APP, temporaryDirectory } from './cli-test-env';
import { jsonOf, runRopc } from './run-ropc';
import { startEmulator, type TestEmulator } from './start-emulator';

describe('ropc profile and the settings precedence', () => {
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

  const signIn = (args: string[], extraEnv: Record<string, string> = {}) =>
    runRopc(['sign-in', '--password-stdin', '--json', ...args], {
      stdin: ALICE.password,
      env: { ...env, ...extraEnv },
    });

  it('saves, lists, shows and uses profiles; the file holds no secret and is 0600', async () => {
    const saved = await runRopc(
      [
        'profile',
        'save',
        'default',
        '--authority',
        emulator.b2cAuthority,
        '--client-id',
        B2C_CLIENT_ID,
        '-u',
        ALICE.username,
      ],
      { env },
    );
    expect(saved.code).toBe(0);
    const file = join(config.path, 'profiles.json');
    expect(saved.stdout).toBe(
      [
        `Saved profile default to ${file}`,
        `  authority  ${emulator.b2cAuthority}`,
        `  client-id  ${B2C_CLIENT_ID}`,
        `  username   ${ALICE.username}`,
        '',
      ].join('\n'),
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const savedExternal = await runRopc(
      [
        'profile',
        'save',
        'ciam',
        '--authority',
        emulator.externalIdAuthority,
        '--client-id',
        EXTERNAL_ID_PASSWORD_APP,
        '--json',
      ],
      { env: { ...env, ROPC_USERNAME: ALICE.username } },
    );
    expect(jsonOf(savedExternal.stdout)).toEqual({
      profile: 'ciam',
      settings: {
        authority: emulator.externalIdAuthority,
        clientId: EXTERNAL_ID_PASSWORD_APP,
        username: ALICE.username,
      },
      path: file,
    });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      profiles: {
        default: {
          authority: emulator.b2cAuthority,
          clientId: B2C_CLIENT_ID,
          username: ALICE.username,
        },
        ciam: {
          authority: emulator.externalIdAuthority,
          clientId: EXTERNAL_ID_PASSWORD_APP,
          username: ALICE.username,
        },
      },
    });

    const listed = await runRopc(['profile', 'list'], { env });
    expect(listed.stdout.split('\n')).toEqual([
      expect.stringMatching(/^PROFILE {12}AUTHORITY +CLIENT ID$/),
      expect.stringMatching(
        new RegExp(`^ciam {15}${emulator.externalIdAuthority} +${EXTERNAL_ID_PASSWORD_APP}$`),
      ),
      expect.stringMatching(
        new RegExp(`^default \\(default\\)  ${emulator.b2cAuthority} +${B2C_CLIENT_ID}$`),
      ),
      '',
    ]);
    const shown = await runRopc(['profile', 'show', 'ciam', '--json'], { env });
    expect(jsonOf(shown.stdout)).toMatchObject({
      profile: 'ciam',
      settings: { clientId: EXTERNAL_ID_PASSWORD_APP },
    });

    // The default profile alone, then a named one by flag and by ROPC_PROFILE.
    expect(jsonOf((await signIn([])).stdout)).toMatchObject({
      kind: 'b2c',
      clientId: B2C_CLIENT_ID,
    });
    expect(jsonOf((await signIn(['--profile', 'ciam'])).stdout)).toMatchObject({
      kind: 'external-id',
    });
    expect(jsonOf((await signIn([], { ROPC_PROFILE: 'ciam' })).stdout)).toMatchObject({
      kind: 'external-id',
    });
  });

  it('lets a flag win over the environment, and the environment over the profile', async () => {
    const bogus = 'http://127.0.0.1:1/contoso.onmicrosoft.com/B2C_1_Nowhere';
    // Environment over profile: the environment's unreachable authority is used (exit 4) …
    const fromEnv = await signIn([], { ROPC_AUTHORITY: bogus });
    expect(fromEnv.code).toBe(4);
    // … and a flag over both.
    const fromFlag = await signIn(['--authority', emulator.b2cAuthority], {
      ROPC_AUTHORITY: bogus,
    });
    expect(fromFlag.code).toBe(0);
    const wrongClient = await signIn([], {
      ROPC_CLIENT_ID: '00000000-0000-4000-8000-000000000000',
    });
    expect(wrongClient.code).toBe(3);
    expect(jsonOf(wrongClient.stderr)).toMatchObject({
      error: { code: 'refused', errorClass: 'invalid_client' },
    });
  });

  it('removes a profile and its saved session; an unknown profile is a usage error', async () => {
    expect((await signIn(['--profile', 'ciam', '--save'])).code).toBe(0);
    const removed = await runRopc(['profile', 'remove', 'ciam'], { env });
    expect(removed).toMatchObject({
      code: 0,
      stdout: 'Removed profile ciam and its saved session\n',
    });
    const missing = await signIn(['--profile', 'ciam']);
    expect(missing.code).toBe(2);
    expect(jsonOf(missing.stderr)).toEqual({
      error: { code: 'usage', message: 'no profile named ciam (ropc profile list shows them)' },
    });
    const badName = await runRopc(['profile', 'save', '../escape', '--client-id', 'x'], { env });
    expect(badName.code).toBe(2);
  });
});
