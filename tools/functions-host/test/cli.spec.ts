// The CLI: argument parsing, and the bundled entry point run as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { parseCliArgs, UsageError } from '../src/cli/parse-cli-args';
import { SAMPLE_APP_DIR } from './sample-host';

describe('parseCliArgs', () => {
  it('maps flags to host options', () => {
    const args = ['app', '--port', '0', '--hostname', '::1', '--max-body-bytes', '2048', '--quiet'];
    expect(parseCliArgs(args)).toEqual({
      kind: 'serve',
      options: { appDir: 'app', port: 0, hostname: '::1', maxRequestBodyBytes: 2048, quiet: true },
    });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[]],
    [['a', 'b']],
    [['a', '--port', 'x']],
    [['a', '--bogus']],
    [['a', '--https-port', '1']],
  ])('refuses %j', (args) => {
    expect(() => parseCliArgs(args)).toThrow(UsageError);
  });
});

describe('built CLI', () => {
  let outDir: string;
  let script: string;

  beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'functions-host-cli-'));
    script = path.join(outDir, 'main.js');
    // Same settings as the Nx build target (esbuild, node, cjs, bundled).
    buildSync({
      entryPoints: [path.join(__dirname, '../src/main.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
  });

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  function run(args: string[]): {
    child: ChildProcess;
    output: () => string;
    exit: Promise<number | null>;
  } {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { child, output: () => output, exit };
  }

  it('prints the URL and routes, serves, and exits 0 on SIGTERM', async () => {
    const cli = run([SAMPLE_APP_DIR, '--port', '0']);
    let url: string | undefined;
    for (let attempt = 0; attempt < 200 && url === undefined; attempt++) {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.output())?.[1];
      if (url === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(url).toBeDefined();
    expect(cli.output()).toContain(`hello: [GET] ${url}/api/hello`);
    expect(cli.output()).toContain(`itemById: [GET] ${url}/api/items/{id:int}`);
    expect(cli.output()).toContain('tick: timerTrigger "0 0 0 1 1 *"');

    const response = await fetch(`${url}/api/hello?name=cli`);
    expect(await response.text()).toBe('Hello, cli');

    cli.child.kill('SIGTERM');
    expect(await cli.exit).toBe(0);
    expect(cli.output()).toMatch(/^GET \/api\/hello 200 \d+ms$/m);
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const cli = run(['--port', 'x']);
    expect(await cli.exit).toBe(2);
    expect(cli.output()).toContain('Usage: node dist/tools/functions-host/main.js <appDir>');
  });

  it('exits 1 when the app cannot start', async () => {
    const cli = run([path.join(SAMPLE_APP_DIR, 'missing'), '--port', '0']);
    expect(await cli.exit).toBe(1);
    expect(cli.output()).toContain('host.json not found');
  });
});
