import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ADMIN_KEY, DIST, temporaryDirectory } from './cli-test-env';
import { completion, spawnRopc } from './run-ropc';

/** Resolves once `text` has printed something matching `pattern`, with the match. */
function printed(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<RegExpExecArray> {
  let text = '';
  return new Promise((resolve) => {
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = pattern.exec(text);
      if (match) resolve(match);
    });
  });
}

const DIST_CLI = join(DIST, 'cli');

describe('ropc emulator start', () => {
  let data: ReturnType<typeof temporaryDirectory>;

  beforeEach(() => {
    data = temporaryDirectory('ropc-cli-started-');
  });

  afterEach(() => {
    data.remove();
  });

  it('runs the emulator with the flags given, prints its banner and stops on SIGTERM', async () => {
    const child = spawnRopc(['emulator', 'start', '--port', '0', '--data-dir', data.path], {
      B2C_EMULATOR_ADMIN_KEY: ADMIN_KEY,
      B2C_EMULATOR_QUIET: '1',
    });
    const done = completion(child);
    const banner = await printed(child.stdout, /on (http:\/\/localhost:\d+)[\s\S]*admin API: on/);
    const health = await fetch(`${banner[1] ?? ''}/.emulator/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ready',
      tenant: 'contoso.onmicrosoft.com',
    });
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Azure AD B2C tenant contoso.onmicrosoft.com');
    expect(run.stdout).not.toContain(ADMIN_KEY);
  });

  it('with --json, says where it listens on stdout and how it ended', async () => {
    const child = spawnRopc(
      ['emulator', 'start', '--json', '--port', '0', '--data-dir', data.path],
      {
        B2C_EMULATOR_QUIET: '1',
      },
    );
    const done = completion(child);
    const started = await printed(child.stdout, /^(\{.*\})\n/);
    const line = JSON.parse(started[1] ?? '') as { status: string; url: string; pid: number };
    expect(line).toEqual({
      status: 'started',
      url: expect.stringMatching(/^http:\/\/localhost:\d+$/),
      pid: expect.any(Number),
    });
    expect((await fetch(`${line.url}/.emulator/health`)).status).toBe(200);
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((text) => JSON.parse(text) as unknown),
    ).toEqual([line, { status: 'stopped', exitCode: 0 }]);
    expect(run.stderr).toContain('admin API: off');
  });

  it("exits with the emulator's code when it refuses its flags", async () => {
    const run = await completion(spawnRopc(['emulator', 'start', '--port', 'many']));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/port/i);
  });

  it('installs as a package whose ropc bin runs (npm install --global of dist/apps/cli)', async () => {
    const prefix = temporaryDirectory('ropc-cli-prefix-');
    try {
      const install = await completion(
        spawn(
          'npm',
          [
            'install',
            '--global',
            '--prefix',
            prefix.path,
            '--offline',
            '--no-audit',
            '--no-fund',
            DIST_CLI,
          ],
          {
            env: { PATH: process.env['PATH'] ?? '', HOME: prefix.path },
          },
        ),
      );
      expect(install.code).toBe(0);
      const version = await completion(
        spawn(`${prefix.path}/bin/ropc`, ['--version'], {
          env: { PATH: process.env['PATH'] ?? '' },
        }),
      );
      expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    } finally {
      prefix.remove();
    }
  });
});
