// tools/web-server over real HTTP: what any page can make a browser request (`<img src>` of a
// malformed path, a path out of the root) gets an answer, and the server goes on serving.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = join(__dirname, '..', 'serve-web.mjs');

interface Running {
  readonly url: string;
  readonly child: ChildProcess;
}

/** Starts the server on a free port with `root` as its document root (the API is unreachable). */
function startServer(root: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    [SERVER, '--root', root, '--api', 'http://127.0.0.1:9', '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
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

/** A GET with the path exactly as given (fetch would normalise `..` and `%`). */
function get(url: string, path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${url}${path}`, { method, path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
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
    // Dot segments the URL parser resolves stay inside the root: the SPA's index, not the file.
    const resolved = await get(server.url, '/%2e%2e/browser-secrets/key.txt');
    expect(resolved).toEqual({ status: 200, body: '<!doctype html><title>app</title>' });
  });

  it('answers 404 when the app has no index.html, and goes on serving', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'robots.txt'), 'User-agent: *');
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
});
