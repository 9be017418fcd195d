import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file the page server answers with. */
export interface PageFile {
  readonly contentType: string;
  readonly body: string;
}

/** The running page server. */
export interface PageServer {
  /** `http://127.0.0.1:PORT`: another origin than the emulator's, so every SDK call is CORS. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `files` (path → content) on 127.0.0.1 with an ephemeral port: GET and HEAD only, no
 * caching, 404 for anything else.
 */
export async function servePage(files: Readonly<Record<string, PageFile>>): Promise<PageServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page.invalid').pathname;
    const file = files[path];
    if ((request.method !== 'GET' && request.method !== 'HEAD') || file === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': file.contentType,
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
