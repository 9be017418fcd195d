// tools/web-server over real HTTP: what any page can make a browser request (`<img src>` of a
// malformed path, a path out of the root) gets an answer, and the server goes on serving; and
// every static answer carries what the web app's own staticwebapp.config.json says.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = join(__dirname, '..', 'serve-web.mjs');
/** The file apps/web deploys to Static Web Apps, applied as it is. */
const APP_SWA_CONFIG = join(
  __dirname,
  '..',
  '..',
  '..',
  'apps',
  'web',
  'public',
  'staticwebapp.config.json',
);
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
  "connect-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'; " +
  "frame-ancestors 'none'; object-src 'none'";

interface Running {
  readonly url: string;
  readonly child: ChildProcess;
}

/** Starts the server on a free port with `root` as its document root (the API is unreachable). */
function startServer(root: string, flags: string[] = []): Promise<Running> {
  const child = spawn(
    process.execPath,
    [SERVER, '--root', root, '--api', 'http://127.0.0.1:9', '--port', '0', ...flags],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, child });
    });
    child.once('exit', (code) => {
      reject(new Error(`exited with ${String(code)}: ${output}`));
    });
  });
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A GET with the path exactly as given (fetch would normalise `..` and `%`). */
async function get(url: string, path: string, method = 'GET'): Promise<Answer> {
  const { status, body } = await getWithHeaders(url, path, method);
  return { status, body };
}

function getWithHeaders(
  url: string,
  path: string,
  method = 'GET',
): Promise<Answer & { headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${url}${path}`, { method, path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body, headers: response.headers });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('serve-web', () => {
  let scratch: string;
  let root: string;
  let server: Running;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'serve-web-'));
    root = join(scratch, 'browser');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'main.abcdef12.js'), 'console.log(1)');
    writeFileSync(join(root, 'config.json'), '{"mode":"proxy"}');
    copyFileSync(APP_SWA_CONFIG, join(root, 'staticwebapp.config.json'));
    // A sibling whose name starts with the root's: outside the root all the same.
    mkdirSync(join(scratch, 'browser-secrets'));
    writeFileSync(join(scratch, 'browser-secrets', 'key.txt'), 'secret');
    server = await startServer(root);
  });

  afterAll(() => {
    server.child.kill('SIGTERM');
    rmSync(scratch, { recursive: true, force: true });
  });

  it('serves files and the SPA index for client-side routes', async () => {
    expect(await get(server.url, '/main.abcdef12.js')).toEqual({
      status: 200,
      body: 'console.log(1)',
    });
    expect(await get(server.url, '/notes/123')).toEqual({
      status: 200,
      body: '<!doctype html><title>app</title>',
    });
    expect(await get(server.url, '/notes', 'HEAD')).toEqual({ status: 200, body: '' });
  });

  it.each(['/%', '/%E0%A4%A', '/a%00b'])(
    'answers the malformed path %s with 400 and goes on serving',
    async (path) => {
      expect((await get(server.url, path)).status).toBe(400);
      expect((await get(server.url, '/')).status).toBe(200);
    },
  );

  it('never serves a file outside the root, even a sibling named like it', async () => {
    const escaping = await get(server.url, '/..%2fbrowser-secrets/key.txt');
    expect(escaping.status).toBe(404);
    expect(escaping.body).not.toContain('secret');
    // Dot segments the URL parser resolves stay inside the root, where no such file is: a .txt
    // path is excluded from the navigation fallback, so a 404.
    const resolved = await get(server.url, '/%2e%2e/browser-secrets/key.txt');
    expect(resolved).toEqual({ status: 404, body: 'Not Found\n' });
  });

  it('answers 404 when the app has no index.html, and goes on serving', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'robots.txt'), 'User-agent: *');
    copyFileSync(APP_SWA_CONFIG, join(empty, 'staticwebapp.config.json'));
    const bare = await startServer(empty);
    try {
      expect((await get(bare.url, '/notes')).status).toBe(404);
      expect(await get(bare.url, '/robots.txt')).toEqual({ status: 200, body: 'User-agent: *' });
    } finally {
      bare.child.kill('SIGTERM');
    }
  });

  it('answers 502 for /api when the API is unreachable', async () => {
    expect(await get(server.url, '/api/health')).toEqual({
      status: 502,
      body: '{"error":"bad_gateway"}',
    });
  });

  describe("the web app's staticwebapp.config.json", () => {
    it('sends the strict CSP and the security headers with the index, on every client route', async () => {
      for (const path of ['/', '/index.html', '/notes/123', '/sign-in']) {
        const { status, headers } = await getWithHeaders(server.url, path);
        expect({ path, status }).toEqual({ path, status: 200 });
        expect(headers['content-security-policy']).toBe(STRICT_CSP);
        expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect(headers['x-frame-options']).toBe('DENY');
        expect(headers['referrer-policy']).toBe('no-referrer');
        expect(headers['x-content-type-options']).toBe('nosniff');
        expect(headers['cache-control']).toBe('no-cache');
      }
    });

    it('caches hashed assets for a year, config.json never, and a missing asset not at all', async () => {
      const asset = await getWithHeaders(server.url, '/main.abcdef12.js');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-security-policy']).toBe(STRICT_CSP);
      const config = await getWithHeaders(server.url, '/config.json');
      expect(config).toMatchObject({ status: 200, body: '{"mode":"proxy"}' });
      expect(config.headers['cache-control']).toBe('no-store');
      expect(config.headers['content-type']).toBe('application/json; charset=utf-8');
      // Excluded from the navigation fallback: a missing chunk is a 404, not the index.
      const missing = await getWithHeaders(server.url, '/chunk-MISSING1.js');
      expect(missing.status).toBe(404);
      expect(missing.headers['cache-control']).toBe('no-cache');
      expect((await get(server.url, '/missing.json')).status).toBe(404);
    });

    it('applies the runtime config.json given with --config under the same rules', async () => {
      const overrideFile = join(scratch, 'runtime-config.json');
      writeFileSync(overrideFile, '{"mode":"direct"}');
      const overridden = await startServer(root, ['--config', overrideFile]);
      try {
        const config = await getWithHeaders(overridden.url, '/config.json');
        expect(config).toMatchObject({ status: 200, body: '{"mode":"direct"}' });
        expect(config.headers['cache-control']).toBe('no-store');
        expect(config.headers['content-security-policy']).toBe(STRICT_CSP);
      } finally {
        overridden.child.kill('SIGTERM');
      }
    });

    it('takes another config with --swa-config, and refuses one it cannot apply as the cloud would', async () => {
      const relaxed = join(scratch, 'relaxed.json');
      writeFileSync(
        relaxed,
        JSON.stringify({ globalHeaders: { 'Content-Security-Policy': "default-src 'self'" } }),
      );
      const other = await startServer(root, ['--swa-config', relaxed]);
      try {
        const index = await getWithHeaders(other.url, '/');
        expect(index.headers['content-security-policy']).toBe("default-src 'self'");
        // No navigationFallback in that file: a client route is a 404, as Static Web Apps answers.
        expect((await get(other.url, '/notes')).status).toBe(404);
      } finally {
        other.child.kill('SIGTERM');
      }
      const roles = join(scratch, 'roles.json');
      writeFileSync(
        roles,
        JSON.stringify({ routes: [{ route: '/admin*', allowedRoles: ['admin'] }] }),
      );
      await expect(startServer(root, ['--swa-config', roles])).rejects.toThrow(
        /routes\[\]\.allowedRoles cannot be applied by the local web server/,
      );
    });
  });
});
