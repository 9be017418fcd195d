import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN_KEY,
  B2C_CLIENT_ID,
  B2C_TENANT,
  ROPC_BIN,
  makeConfigDir,
  removeConfigDir,
  runRopc,
  startTestEmulator,
  waitForOutput,
  type TestEmulator,
} from './cli-harness';

// users create|list|disable|revoke against the emulator's Graph-shaped API, and emulator start.

const ERIN = { username: 'erin@contoso.com', password: 'Erin-Passw0rd!' };

describe('ropc users', () => {
  let emulator: TestEmulator;
  let configDir: string;
  const usersEnv = (): Record<string, string> => ({
    ROPC_CONFIG_DIR: configDir,
    ROPC_EMULATOR_URL: emulator.url,
    B2C_EMULATOR_ADMIN_KEY: ADMIN_KEY,
    ROPC_AUTHORITY: `${emulator.url}/${B2C_TENANT}/B2C_1_ROPC_Auth`,
    ROPC_CLIENT_ID: B2C_CLIENT_ID,
  });
  const jsonOf = (text: string): Record<string, unknown> =>
    JSON.parse(text) as Record<string, unknown>;
  const signInErin = (extra: readonly string[] = []) =>
    runRopc(['sign-in', '--username', ERIN.username, '--password-stdin', ...extra], {
      input: ERIN.password,
      env: usersEnv(),
    });

  beforeAll(async () => {
    emulator = await startTestEmulator();
    configDir = makeConfigDir();
  });

  afterAll(async () => {
    removeConfigDir(configDir);
    await emulator.stop();
  });

  it('creates, lists, revokes and disables a user, with the effect seen at sign-in', async () => {
    const create = await runRopc(
      [
        'users',
        'create',
        '--username',
        ERIN.username,
        '--display-name',
        'Erin Example',
        '--tenant',
        B2C_TENANT,
        '--password-stdin',
        '--json',
      ],
      { input: ERIN.password, env: usersEnv() },
    );
    expect(create.code).toBe(0);
    expect(create.stdout).not.toContain(ERIN.password);
    const created = jsonOf(create.stdout);
    const id = String(created['id']);
    expect(created).toMatchObject({ displayName: 'Erin Example', accountEnabled: true });

    const list = await runRopc(['users', 'list'], { env: usersEnv() });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      new RegExp(`^${id}  enabled   erin@contoso\\.com  Erin Example$`, 'm'),
    );
    expect(list.stdout).toMatch(/  alice@contoso\.com  Alice Contoso$/m);

    // Revoking ends the saved session: its refresh token is refused (exit 3).
    expect((await signInErin(['--save'])).code).toBe(0);
    const revoke = await runRopc(['users', 'revoke', id, '--json'], { env: usersEnv() });
    expect(revoke.code).toBe(0);
    expect(jsonOf(revoke.stdout)).toEqual({ id, revoked: true });
    const refresh = await runRopc(['refresh', '--json'], { env: usersEnv() });
    expect(refresh.code).toBe(3);
    expect(jsonOf(refresh.stderr)).toMatchObject({ error: { error: 'invalid_grant' } });

    // Disabling refuses the next sign-in: AADB2C90111, the account is disabled.
    const disable = await runRopc(['users', 'disable', id], { env: usersEnv() });
    expect(disable).toMatchObject({ code: 0, stdout: `Disabled ${id}\n` });
    const refused = await signInErin(['--json']);
    expect(refused.code).toBe(3);
    expect(jsonOf(refused.stderr)).toMatchObject({ error: { b2cCode: 'AADB2C90111' } });
    const listed = await runRopc(['users', 'list', '--json'], { env: usersEnv() });
    const users = jsonOf(listed.stdout)['users'] as { id: string; accountEnabled: boolean }[];
    expect(users.find((user) => user.id === id)?.accountEnabled).toBe(false);
  });

  it('takes the admin key from stdin, and exits 3 when the emulator refuses it', async () => {
    const env = { ROPC_CONFIG_DIR: configDir, ROPC_EMULATOR_URL: emulator.url };
    const fromStdin = await runRopc(['users', 'list', '--admin-key-stdin', '--json'], {
      input: ADMIN_KEY,
      env,
    });
    expect(fromStdin.code).toBe(0);
    const wrongKey = 'not-the-admin-key';
    const refused = await runRopc(['users', 'list', '--admin-key-stdin', '--json'], {
      input: wrongKey,
      env,
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).not.toContain(wrongKey);
    expect(jsonOf(refused.stderr)).toMatchObject({ error: { status: 401 } });
    const noKey = await runRopc(['users', 'list'], { env });
    expect(noKey).toMatchObject({
      code: 2,
      stderr: 'ropc: set B2C_EMULATOR_ADMIN_KEY or pipe it with --admin-key-stdin\n',
    });
  });
});

describe('ropc emulator start', () => {
  it('runs the built emulator, prints its banner and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ropc-cli-start-'));
    const child = spawn(
      process.execPath,
      [
        ROPC_BIN,
        'emulator',
        'start',
        '--port',
        '0',
        '--admin-key',
        ADMIN_KEY,
        '--data-dir',
        dataDir,
      ],
      { env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    try {
      await waitForOutput(child, () => printed, /admin API:/);
      expect(printed).toMatch(/emulator for contoso\.onmicrosoft\.com.* on http:\/\/localhost:\d+/);
      expect(printed).not.toContain(ADMIN_KEY);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
