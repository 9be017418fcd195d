import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP load balancer: the one public URL in front of several app instances. */
export interface RoundRobinBalancer {
  readonly url: string;
  /** The instances requests go to, in turn. */
  setTargets(targets: readonly string[]): void;
  close(): Promise<void>;
}

/**
 * Starts a reverse proxy that sends each request to the next target in turn, as Azure's front
 * end spreads requests over a Function app's instances. It forwards the client address in
 * X-Forwarded-For, as a real front end does.
 */
export async function startRoundRobinBalancer(): Promise<RoundRobinBalancer> {
  let targets: readonly URL[] = [];
  let next = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const target = targets[next++ % targets.length];
    if (!target) {
      outgoing.writeHead(503).end();
      return;
    }
    const forwardedFor = [incoming.headers['x-forwarded-for'], incoming.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, 'x-forwarded-for': forwardedFor },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.once('error', () => {
      if (outgoing.headersSent) outgoing.destroy();
      else outgoing.writeHead(502).end();
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setTargets: (urls) => {
      targets = urls.map((url) => new URL(url));
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
