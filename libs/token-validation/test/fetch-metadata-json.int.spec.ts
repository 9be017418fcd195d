import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchMetadataJson } from '../src/fetch-metadata-json';

/** A server that streams a chunked body (no Content-Length) for as long as the client reads. */
function endlessServer(): Promise<{ url: string; server: Server; written: () => number }> {
  let written = 0;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (!response.destroyed && response.write(chunk)) written += chunk.byteLength;
      if (!response.destroyed) response.once('drain', pump);
    };
    response.write('{"keys":[');
    pump();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/keys`, server, written: () => written });
    });
  });
}

describe('fetchMetadataJson', () => {
  it('stops reading a chunked body past 512 KB instead of reading until the timeout', async () => {
    const endless = await endlessServer();
    try {
      // Jest's 5 s timeout fails the test long before the fetch's own 20 s one would end it.
      await expect(
        fetchMetadataJson(endless.url, 'keys', { fetch, timeoutMs: 20_000 }),
      ).rejects.toThrow('keys body is too large');
      // The client cancelled: the server could not push much more than the limit and its buffers.
      expect(endless.written()).toBeLessThan(8 * 1024 * 1024);
    } finally {
      endless.server.closeAllConnections();
      await new Promise((resolve) => endless.server.close(resolve));
    }
  });
});
