// Starting, closing and misusing the host: options, app layout errors, two apps in one process,
// environment restore, appTerminate, HTTPS.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import https from 'node:https';
import { startFunctionsHost, type FunctionsHostOptions } from '../src';
import { realModuleSystem } from '../src/core/real-module-system';
import { SAMPLE_APP_DIR, startSampleHost } from './sample-host';

const appEnv = realModuleSystem(SAMPLE_APP_DIR).process.env;
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'functions-host-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('options', () => {
  const cases: [string, unknown][] = [
    ['no options', undefined],
    ['an empty appDir', { appDir: '' }],
    ['a negative port', { appDir: SAMPLE_APP_DIR, port: -1 }],
    ['a fractional port', { appDir: SAMPLE_APP_DIR, port: 1.5 }],
    ['a port as a string', { appDir: SAMPLE_APP_DIR, port: '7071' }],
    ['a zero body limit', { appDir: SAMPLE_APP_DIR, maxRequestBodyBytes: 0 }],
    ['a non-string env value', { appDir: SAMPLE_APP_DIR, env: { A: 1 } }],
    ['https without a certificate', { appDir: SAMPLE_APP_DIR, https: { port: 0, key: 'k' } }],
    ['an unknown option', { appDir: SAMPLE_APP_DIR, prot: 7071 }],
  ];

  it.each(cases)('rejects %s with a TypeError', async (_label, options) => {
    await expect(startFunctionsHost(options as FunctionsHostOptions)).rejects.toThrow(TypeError);
  });

  it('rejects a folder that is not a Functions app with an Error naming host.json', async () => {
    const promise = startFunctionsHost({ appDir: scratch, port: 0 });
    await expect(promise).rejects.toThrow(/host\.json not found/);
  });

  it('rejects an app whose package.json main matches nothing', async () => {
    const appDir = path.join(scratch, 'no-main');
    mkdirSync(appDir);
    writeFileSync(path.join(appDir, 'host.json'), '{"version":"2.0"}');
    writeFileSync(path.join(appDir, 'package.json'), '{"main":"dist/*.js"}');
    await expect(startFunctionsHost({ appDir, port: 0 })).rejects.toThrow(/matches no file/);
  });
});

describe('lifecycle', () => {
  it('serves two instances of an app side by side, each with its own registrations', async () => {
    const first = await startSampleHost({ quiet: true });
    const second = await startSampleHost({ quiet: true });
    try {
      await first.host.runTimer('tick');
      const ticks = async (url: string): Promise<unknown> =>
        (await fetch(`${url}/api/ticks`)).json();
      expect(await ticks(first.host.url)).toHaveLength(1);
      expect(await ticks(second.host.url)).toEqual([]);
    } finally {
      await second.host.close();
    }
    expect((await fetch(`${first.host.url}/api/hello`)).status).toBe(200);
    await first.host.close();
  });

  it("hands out the entry files' exports: the very instances the app serves from", async () => {
    const sample = await startSampleHost({ quiet: true });
    try {
      const [main] = sample.host.entryExports as [{ ticks: unknown[] }];
      main.ticks.push({ injected: true });
      expect(await (await fetch(`${sample.host.url}/api/ticks`)).json()).toEqual([
        { injected: true },
      ]);
    } finally {
      await sample.host.close();
    }
  });

  it('runs appTerminate hooks on close and restores the environment it changed', async () => {
    const marker = path.join(scratch, 'terminated.txt');
    const sample = await startSampleHost({
      quiet: true,
      env: { SAMPLE_TERMINATE_MARKER: marker },
    });
    expect(appEnv['SAMPLE_GREETING']).toBe('hello from local.settings.json');
    expect(existsSync(marker)).toBe(false);

    await Promise.all([sample.host.close(), sample.host.close()]);

    expect(readFileSync(marker, 'utf8')).toBe('terminated after appStart');
    expect(appEnv['SAMPLE_GREETING']).toBeUndefined();
    expect(appEnv['SAMPLE_TERMINATE_MARKER']).toBeUndefined();
    await expect(fetch(`${sample.host.url}/api/hello`)).rejects.toThrow();
  });

  it('also serves HTTPS when given a key and certificate', async () => {
    const key = path.join(scratch, 'key.pem');
    const cert = path.join(scratch, 'cert.pem');
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
        ...['-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert],
      ],
      { stdio: 'ignore' },
    );
    const tls = { port: 0, key: readFileSync(key), cert: readFileSync(cert) };
    const sample = await startSampleHost({ quiet: true, https: tls });
    try {
      expect(sample.host.httpsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const body = await getOverTls(`${sample.host.httpsUrl}/api/whoami`, tls.cert);
      expect(JSON.parse(body)).toMatchObject({ url: `${sample.host.httpsUrl}/api/whoami` });
    } finally {
      await sample.host.close();
    }
  });
});

function getOverTls(url: string, ca: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const agent = new https.Agent({ ca, checkServerIdentity: () => undefined });
    https
      .get(url, { agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve(Buffer.concat(chunks).toString());
        });
      })
      .on('error', reject);
  });
}
