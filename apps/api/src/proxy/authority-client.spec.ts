import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthorityClient, AuthorityUnreachableError } from './authority-client';

/** A local authority answering with `listener`; counts connections and requests. */
async function authority(listener: RequestListener) {
  const seen = { connections: 0, paths: [] as string[], bodies: [] as string[] };
  const server: Server = createServer((request, response) => {
    seen.paths.push(request.url ?? '');
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.bodies.push(body);
      listener(request, response);
    });
  });
  server.on('connection', () => seen.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

const json = (status: number, body: string, headers: Record<string, string> = {}) =>
  ((_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(body);
  }) satisfies RequestListener;

describe('AuthorityClient', () => {
  const clients: AuthorityClient[] = [];
  const stops: (() => Promise<void>)[] = [];
  const clientOf = (timeoutMs = 5000) => {
    const client = new AuthorityClient(timeoutMs);
    clients.push(client);
    return client;
  };
  const start = async (listener: RequestListener) => {
    const started = await authority(listener);
    stops.push(started.stop);
    return started;
  };

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });

  it('posts the form and reads the answer, over one kept-alive connection call after call', async () => {
    const server = await start(json(200, '{"access_token":"a"}', { 'Retry-After': '7' }));
    const client = clientOf();
    for (let call = 0; call < 5; call++) {
      const answer = await client.postForm(`${server.url}/token`, 'a=1&b=%C3%A9', {
        Accept: 'application/json',
      });
      expect(answer.status).toBe(200);
      expect(answer.header('retry-after')).toBe('7');
      expect(answer.header('x-absent')).toBeNull();
      expect(await answer.text(1024)).toEqual({ ok: true, text: '{"access_token":"a"}' });
    }
    expect(server.seen.bodies).toEqual(Array(5).fill('a=1&b=%C3%A9'));
    expect(server.seen.connections).toBe(1);
  });

  it('answers a redirect as it is, never following it with the form', async () => {
    const server = await start((_request, response) => {
      response.writeHead(307, { Location: '/elsewhere' });
      response.end();
    });
    const answer = await clientOf().postForm(`${server.url}/token`, 'password=secret');
    expect(answer.status).toBe(307);
    expect(answer.header('location')).toBe('/elsewhere');
    await answer.text(1024);
    expect(server.seen.paths).toEqual(['/token']);
  });

  it('refuses a body over the bound, declared or streamed, and invalid UTF-8', async () => {
    const big = 'x'.repeat(2048);
    const declared = await start(json(200, big));
    const streamed = await start((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write(big);
      response.end(big);
    });
    const invalid = await start((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(Buffer.from([0x7b, 0xff, 0x7d]));
    });
    const client = clientOf();
    const read = async (url: string) => (await client.postForm(url, '')).text(1024);
    expect(await read(declared.url)).toEqual({ ok: false, reason: 'too_large' });
    expect(await read(streamed.url)).toEqual({ ok: false, reason: 'too_large' });
    expect(await read(invalid.url)).toEqual({ ok: false, reason: 'invalid_utf8' });
  });

  it('throws AuthorityUnreachableError when nothing answers, or not in time, or a header cannot go', async () => {
    const silent = await start(() => undefined);
    const closed = await start(json(200, '{}'));
    await closed.stop();
    const client = clientOf(200);
    await expect(client.postForm(silent.url, '')).rejects.toBeInstanceOf(AuthorityUnreachableError);
    await expect(client.postForm(closed.url, '')).rejects.toBeInstanceOf(AuthorityUnreachableError);
    await expect(
      client.postForm(silent.url, '', { 'x-client-ver': 'a\r\nInjected: 1' }),
    ).rejects.toBeInstanceOf(AuthorityUnreachableError);
    // The header that cannot go stops the call before anything is sent.
    expect(silent.seen.paths).toHaveLength(1);
  });

  it('ends a body that never finishes at the deadline, as a TimeoutError', async () => {
    const endless = await start((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{');
    });
    const answer = await clientOf(200).postForm(endless.url, '');
    expect(answer.status).toBe(200);
    await expect(answer.text(1024)).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('drops an unread body when told to', async () => {
    const server = await start(json(503, '{"error":"temporarily_unavailable"}'));
    const answer = await clientOf().postForm(server.url, '');
    expect(answer.status).toBe(503);
    answer.discard();
    expect(await answer.text(1024).catch((error: unknown) => error)).toBeInstanceOf(
      AuthorityUnreachableError,
    );
  });
});
