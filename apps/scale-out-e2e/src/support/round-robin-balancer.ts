import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP load balancer: the one public URL in front of several app instances. */
export interface RoundRobinBalancer {
  readonly url: string;
  /** The instances requests go to, in turn. */
  setTargets(targets: readonly string[]): void;
  close(): Promise<void>;
}

/** How long an instance that refused a connection is left out before it is tried again. */
const EJECTION_MS = 2000;

/** Reads a request body whole (test traffic is small), so that it can be sent again. */
function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => {
      resolve(Buffer.concat(chunks));
    });
    incoming.once('error', reject);
  });
}

/**
 * Starts a reverse proxy that sends each request to the next target in turn, as Azure's front
 * end spreads requests over a Function app's instances, and fails over as it does: a target that
 * refuses the connection (a killed instance) is left out for a while and the request goes to the
 * next one. A request that reached an instance that then died gets 502: it was in flight at the
 * fault. It forwards the client address in X-Forwarded-For, as a real front end does.
 */
export async function startRoundRobinBalancer(): Promise<RoundRobinBalancer> {
  let targets: readonly URL[] = [];
  let next = 0;
  const ejectedUntil = new Map<string, number>();

  const pick = (tried: ReadonlySet<string>): URL | undefined => {
    for (let step = 0; step < targets.length; step++) {
      const target = targets[next++ % targets.length];
      if (!target || tried.has(target.href)) continue;
      if ((ejectedUntil.get(target.href) ?? 0) > Date.now()) continue;
      return target;
    }
    return undefined;
  };

  const server: Server = createServer((incoming, outgoing) => {
    const forwardedFor = [incoming.headers['x-forwarded-for'], incoming.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const tried = new Set<string>();
    const send = (body: Buffer): void => {
      const target = pick(tried);
      if (!target) {
        outgoing.writeHead(503, { 'retry-after': '1' }).end();
        return;
      }
      tried.add(target.href);
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
          answer.once('error', () => outgoing.destroy());
        },
      );
      upstream.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') {
          // Nothing reached the instance: leave it out for a while and fail over.
          ejectedUntil.set(target.href, Date.now() + EJECTION_MS);
          send(body);
        } else if (outgoing.headersSent) outgoing.destroy();
        else outgoing.writeHead(502).end();
      });
      upstream.end(body);
    };
    readBody(incoming).then(send, () => outgoing.destroy());
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
