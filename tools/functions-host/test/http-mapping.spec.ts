// Request/response mapping over real HTTP: bodies, cookies, errors, X-Forwarded-For, app
// settings, the body limit and what gets logged.
import http from 'node:http';
import { realModuleSystem } from '../src/core/real-module-system';
import { SAMPLE_APP_DIR, startSampleHost, type SampleHost } from './sample-host';

const BODY_LIMIT = 64 * 1024;
/** The process.env the app sees (under Jest, test code gets a copy). */
const appEnv = realModuleSystem(SAMPLE_APP_DIR).process.env;

let sample: SampleHost;
let base: string;

beforeAll(async () => {
  appEnv['SAMPLE_PRESET'] = 'from the environment';
  sample = await startSampleHost({
    maxRequestBodyBytes: BODY_LIMIT,
    env: { SAMPLE_FROM_OPTION: 'from options' },
  });
  base = sample.host.url;
});

afterAll(async () => {
  await sample.host.close();
  Reflect.deleteProperty(appEnv, 'SAMPLE_PRESET');
});

/** POSTs `size` bytes with chunked encoding and resolves with the status the host answered. */
function postChunked(path: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method: 'POST' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
      });
    });
    // The host may close the connection while we are still sending; the response decides.
    request.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024, 1);
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      request.end();
    };
    pump();
  });
}

describe('responses', () => {
  it('sends jsonBody as application/json', async () => {
    const response = await fetch(`${base}/api/items/7`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('{"by":"id","params":{"id":"7"}}');
  });

  it.each(['uint8array', 'arraybuffer', 'buffer'])(
    'sends a binary %s body unchanged',
    async (kind) => {
      const response = await fetch(`${base}/api/binary/${kind}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-length')).toBe('5');
      expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 1, 2, 254, 255]);
    },
  );

  it('sends a ReadableStream body', async () => {
    const response = await fetch(`${base}/api/stream`);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('first,second,third');
  });

  it('echoes a binary request body and sets the status and headers it was given', async () => {
    const payload = new Uint8Array([10, 0, 255, 128, 7]);
    const response = await fetch(`${base}/api/echo`, { method: 'POST', body: payload });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-body-length')).toBe('5');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([...payload]);
  });

  it('sends one Set-Cookie per cookie, after the Set-Cookie header', async () => {
    const response = await fetch(`${base}/api/cookies`);
    expect(response.headers.getSetCookie()).toEqual([
      'fromHeader=1; Path=/',
      'session=a%20b%2Bc; path=/; secure; samesite=lax; httponly',
      'theme=dark; max-age=3600; path=/app; samesite=none',
      'gone=; expires=Sat, 01 Jan 2000 00:00:00 GMT; domain=example.test; path=/',
    ]);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('keeps only the last of several Set-Cookie headers, as on Azure, and warns', async () => {
    const response = await fetch(`${base}/api/header-cookies`);
    expect(response.headers.getSetCookie()).toEqual(['second=2']);
    await sample.waitForLine(/^\[headerCookies [0-9a-f-]{36}\] warn: Only the last of several/);
  });

  it('answers 204 without a body and 200 with an empty body when nothing is returned', async () => {
    const noContent = await fetch(`${base}/api/no-content`);
    expect(noContent.status).toBe(204);
    expect(noContent.headers.get('x-empty')).toBe('yes');
    expect(await noContent.text()).toBe('');
    const nothing = await fetch(`${base}/api/nothing`);
    expect(nothing.status).toBe(200);
    expect(nothing.headers.get('content-length')).toBe('0');
    expect(await nothing.text()).toBe('');
  });

  it('answers 500 with a generic body when the handler throws, and logs the error', async () => {
    const response = await fetch(`${base}/api/throws`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'internal_error' });
    const line = await sample.waitForLine(/^\[throws [0-9a-f-]{36}\] error:/);
    expect(line).toContain('Error: boom: handler failure');
  });

  it('runs preInvocation and postInvocation hooks around the handler, after appStart', async () => {
    const response = await fetch(`${base}/api/hooked`);
    expect(await response.json()).toEqual({ handler: true, pre: true, appStarted: true });
  });
});

describe('requests', () => {
  it('hands over the absolute URL, the query (repeats comma-joined) and app settings', async () => {
    const response = await fetch(`${base}/api/whoami?a=1&a=2&b=x%20y`);
    expect(await response.json()).toEqual({
      forwardedFor: '127.0.0.1',
      greeting: 'hello from local.settings.json',
      preset: 'from the environment',
      fromOption: 'from options',
      url: `${base}/api/whoami?a=1&a=2&b=x%20y`,
      query: { a: '1,2', b: 'x y' },
      functionName: 'whoami',
    });
  });

  it('appends the client address to an existing X-Forwarded-For', async () => {
    const response = await fetch(`${base}/api/whoami`, {
      headers: { 'X-Forwarded-For': '203.0.113.7, 198.51.100.2' },
    });
    const body = (await response.json()) as { forwardedFor: string };
    expect(body.forwardedFor).toBe('203.0.113.7, 198.51.100.2, 127.0.0.1');
  });

  it('accepts a body of exactly maxRequestBodyBytes', async () => {
    const response = await fetch(`${base}/api/echo`, {
      method: 'POST',
      body: new Uint8Array(BODY_LIMIT),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-body-length')).toBe(String(BODY_LIMIT));
  });

  it('answers 413 to a declared Content-Length over the limit without running the handler', async () => {
    const response = await fetch(`${base}/api/echo`, {
      method: 'POST',
      body: new Uint8Array(BODY_LIMIT + 1),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ error: 'request_too_large' });
  });

  it('answers 413 to a chunked body once it passes the limit', async () => {
    const answer = await postChunked('/api/echo', 4 * BODY_LIMIT);
    expect(answer).toEqual({ status: 413, body: '{"error":"request_too_large"}' });
  });
});

describe('logging', () => {
  it('logs method, path, status and duration, never the query or credentials', async () => {
    await fetch(`${base}/api/whoami?token=query-secret`, {
      headers: { Authorization: 'Bearer header-secret', Cookie: 'session=cookie-secret' },
    });
    const line = await sample.waitForLine(/^GET \/api\/whoami 200 \d+ms$/);
    expect(line).not.toContain('?');
    const everything = sample.lines.join('\n');
    for (const secret of ['query-secret', 'header-secret', 'cookie-secret']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('writes context.log and context.warn with the function name and invocation id', async () => {
    await fetch(`${base}/api/whoami`);
    await sample.waitForLine(/^\[whoami [0-9a-f-]{36}\] info: whoami called$/);
    await sample.waitForLine(/^\[whoami [0-9a-f-]{36}\] warn: a warning from whoami$/);
  });

  it('logs one line for host answers too', async () => {
    await fetch(`${base}/api/multi`);
    await sample.waitForLine(/^GET \/api\/multi 405 \d+ms$/);
  });
});

describe('startup', () => {
  it('warns about triggers and bindings it does not serve', () => {
    expect(sample.lines).toContain(
      '[host] warn: Function "queued" (queueTrigger) is not served by this host.',
    );
    expect(sample.lines).toContainEqual(
      expect.stringMatching(
        /^\[host\] warn: Function "withOutput": bindings \S+ \(queue\) are ignored\.$/,
      ),
    );
  });

  it('still answers a function whose other output is dropped', async () => {
    const response = await fetch(`${base}/api/with-output`);
    expect(await response.text()).toBe('sent');
  });
});

describe('timers', () => {
  it('records timer triggers and runs one on demand', async () => {
    expect(sample.host.timers).toEqual([
      { functionName: 'tick', schedule: '0 0 0 1 1 *', scheduled: true },
    ]);
    await sample.host.runTimer('tick');
    const response = await fetch(`${base}/api/ticks`);
    expect(await response.json()).toEqual([{ isPastDue: false, hasStatus: true }]);
    await expect(sample.host.runTimer('missing')).rejects.toThrow('No timer function named');
  });

  it('runs a timer through POST /admin/functions/{name} as func start does, answering 202 once done', async () => {
    const before = ((await (await fetch(`${base}/api/ticks`)).json()) as unknown[]).length;
    const response = await fetch(`${base}/admin/functions/Tick`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: '' }),
    });
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
    const after = (await (await fetch(`${base}/api/ticks`)).json()) as unknown[];
    expect(after).toHaveLength(before + 1);
  });

  it('answers 404 from /admin/functions/{name} for a name that is not a timer', async () => {
    for (const name of ['missing', 'hello']) {
      const response = await fetch(`${base}/admin/functions/${name}`, { method: 'POST' });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'not_found' });
    }
    expect((await fetch(`${base}/admin/functions/tick`)).status).toBe(404);
  });
});
