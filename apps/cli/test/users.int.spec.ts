import {
  ADMIN_KEY,
  B2C_CLIENT_ID,
  BOB,
  EXTERNAL_ID_TENANT,
  temporaryDirectory,
} from './cli-test-env';
import { jsonOf, runRopc } from './run-ropc';
import { startEmulator, type TestEmulator } from './start-emulator';

const DAVE = { username: 'dave@contoso.com', password: 'Dave-Passw0rd!' };

describe('ropc users against the emulator', () => {
  let emulator: TestEmulator;
  let config: ReturnType<typeof temporaryDirectory>;
  let env: Record<string, string>;

  beforeAll(async () => {
    config = temporaryDirectory('ropc-cli-config-');
    emulator = await startEmulator();
    env = {
      ROPC_CONFIG_DIR: config.path,
      ROPC_EMULATOR_URL: emulator.url,
      B2C_EMULATOR_ADMIN_KEY: ADMIN_KEY,
      ROPC_AUTHORITY: emulator.b2cAuthority,
      ROPC_CLIENT_ID: B2C_CLIENT_ID,
    };
  });

  afterAll(async () => {
    // A failed start leaves nothing to stop; the first error is the one to read.
    await (emulator as TestEmulator | undefined)?.stop();
    config.remove();
  });

  const signIn = (user: { username: string; password: string }, extra: string[] = []) =>
    runRopc(['sign-in', '-u', user.username, '--password-stdin', ...extra], {
      stdin: user.password,
      env,
    });

  it('creates, lists, disables, enables and revokes a user; a disabled user cannot sign in', async () => {
    const created = await runRopc(
      [
        'users',
        'create',
        DAVE.username,
        '--display-name',
        'Dave Contoso',
        '--password-stdin',
        '--json',
      ],
      { stdin: DAVE.password, env },
    );
    expect(created.code).toBe(0);
    const user = jsonOf(created.stdout);
    expect(user).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      displayName: 'Dave Contoso',
      accountEnabled: true,
      identities: [
        {
          signInType: 'emailAddress',
          issuer: 'contoso.onmicrosoft.com',
          issuerAssignedId: DAVE.username,
        },
      ],
    });
    expect(created.stdout).not.toContain(DAVE.password);

    const listed = await runRopc(['users', 'list'], { env });
    expect(listed.code).toBe(0);
    const rows = listed.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^ID {36}DISPLAY NAME {3}SIGN-IN NAMES {6}ENABLED$/);
    expect(rows).toContain(`${String(user['id'])}  Dave Contoso   ${DAVE.username}   yes`);
    expect(rows).toHaveLength(4);

    expect((await signIn(DAVE)).code).toBe(0);

    const disabled = await runRopc(['users', 'disable', DAVE.username], { env });
    expect(disabled).toMatchObject({ code: 0, stdout: `Disabled ${DAVE.username}\n` });
    const refused = await signIn(DAVE);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^ropc: the authority refused: AADB2C90111: /);
    const listedJson = jsonOf((await runRopc(['users', 'list', '--json'], { env })).stdout);
    expect(listedJson['users']).toContainEqual(
      expect.objectContaining({ id: user['id'], accountEnabled: false }),
    );

    const enabled = await runRopc(['users', 'enable', String(user['id']), '--json'], { env });
    expect(jsonOf(enabled.stdout)).toEqual({ id: user['id'], accountEnabled: true });
    expect((await signIn(DAVE, ['--save'])).code).toBe(0);

    const revoked = await runRopc(['users', 'revoke', DAVE.username, '--json'], { env });
    expect(revoked.code).toBe(0);
    expect(jsonOf(revoked.stdout)).toEqual({ id: user['id'], revoked: true });
    const refresh = await runRopc(['refresh'], { env });
    expect(refresh.code).toBe(3);
    expect(refresh.stderr).toBe(
      'ropc: the authority refused: AADB2C90129: The provided grant has been revoked. Please ' +
        'reauthenticate and try again.\n',
    );
  });

  it('lists another tenant with --tenant, and reads the admin key from stdin', async () => {
    const { B2C_EMULATOR_ADMIN_KEY: _key, ...withoutKey } = env;
    const run = await runRopc(
      ['users', 'list', '--tenant', EXTERNAL_ID_TENANT, '--admin-key-stdin', '--json'],
      { stdin: ADMIN_KEY, env: withoutKey },
    );
    expect(run.code).toBe(0);
    const users = jsonOf(run.stdout)['users'] as { identities: { issuerAssignedId: string }[] }[];
    expect(users.map((user) => user.identities[0]?.issuerAssignedId)).toEqual([
      'alice@contoso.com',
      'bob@contoso.com',
      'carol@contoso.com',
    ]);
  });

  it('sends the same calls with --graph and a bearer token (here to the emulator’s Graph shapes)', async () => {
    const run = await runRopc(['users', 'list', '--graph', '--graph-url', emulator.url, '--json'], {
      env: { ...env, ROPC_GRAPH_TOKEN: ADMIN_KEY },
    });
    expect(run.code).toBe(0);
    expect(jsonOf(run.stdout)['users']).toContainEqual(
      expect.objectContaining({ displayName: 'Bob Contoso' }),
    );
    const noTenant = await runRopc(
      ['users', 'create', 'erin@contoso.com', '--graph', '--password-stdin'],
      {
        stdin: 'Erin-Passw0rd!',
        env: { ...env, ROPC_GRAPH_TOKEN: ADMIN_KEY },
      },
    );
    expect(noTenant.code).toBe(2);
    expect(noTenant.stderr).toBe(
      "ropc: --graph needs --tenant (the tenant domain, the identities' issuer)\n",
    );
  });

  it('exits 3 for a wrong admin key or an unknown user, 2 without a key, never showing the key', async () => {
    const wrongKey = 'wrong-admin-key-123';
    const wrong = await runRopc(['users', 'list', '--json'], {
      env: { ...env, B2C_EMULATOR_ADMIN_KEY: wrongKey },
    });
    expect(wrong.code).toBe(3);
    expect(jsonOf(wrong.stderr)).toEqual({
      error: {
        code: 'refused',
        message:
          'the emulator refused: InvalidAuthenticationToken: The admin key is missing or wrong. (check the admin key)',
        status: 401,
        graphCode: 'InvalidAuthenticationToken',
      },
    });
    expect(wrong.stderr).not.toContain(wrongKey);

    const unknown = await runRopc(['users', 'disable', 'nobody@contoso.com'], { env });
    expect(unknown).toMatchObject({
      code: 3,
      stderr: 'ropc: the emulator has no user signing in as nobody@contoso.com\n',
    });
    expect(
      (await runRopc(['users', 'revoke', '00000000-0000-4000-8000-000000000000'], { env })).code,
    ).toBe(3);

    const { B2C_EMULATOR_ADMIN_KEY: _key, ...withoutKey } = env;
    const missing = await runRopc(['users', 'list'], { env: withoutKey });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'ropc: the emulator needs its admin key: set B2C_EMULATOR_ADMIN_KEY or pipe it with --admin-key-stdin\n',
    );
    // Bob is untouched by all of this.
    expect((await signIn(BOB)).code).toBe(0);
  });
});
