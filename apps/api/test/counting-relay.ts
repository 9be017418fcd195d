import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** An answer the relay gives in the authority's place. */
export interface CannedAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * A relay in front of the emulator that counts what reaches it, per path, and over which
 * connections: the API's authority points at it, so a test sees exactly which calls the proxy
 * forwarded. The Host header goes through unchanged, so the emulator names the relay in its URLs
 * and issuer.
 */
export class CountingRelay {
  private readonly counts = new Map<string, number>();
  /** Open watches: the part of a path each watches and the connections its calls came over. */
  private readonly watches = new Set<{
    readonly pathPart: string;
    readonly sockets: Set<Socket>;
  }>();
  /** The headers of the last call that reached the emulator. */
  lastHeaders: Readonly<Record<string, string | string[] | undefined>> = {};
  /** Answered by the relay itself instead of the emulator, once each, in order. */
  private readonly cannedAnswers: CannedAnswer[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<CountingRelay> {
    const targetUrl = new URL(target);
    const holder: { relay?: CountingRelay } = {};
    const server = createServer((incoming, outgoing) => {
      const path = (incoming.url ?? '/').split('?')[0] ?? '/';
      const { relay } = holder;
      if (relay) {
        relay.counts.set(path, (relay.counts.get(path) ?? 0) + 1);
        for (const watch of relay.watches)
          if (path.includes(watch.pathPart)) watch.sockets.add(incoming.socket);
        relay.lastHeaders = { ...incoming.headers };
        const canned = relay.cannedAnswers.shift();
        if (canned) {
          incoming.resume();
          outgoing.writeHead(canned.status, {
            'Content-Type': 'application/json',
            ...canned.headers,
          });
          outgoing.end(JSON.stringify(canned.body));
          return;
        }
      }
      const upstream = request(
        {
          host: targetUrl.hostname,
          port: targetUrl.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on('error', () => {
        outgoing.writeHead(502);
        outgoing.end();
      });
      incoming.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const relay = new CountingRelay(server, `http://127.0.0.1:${port}`);
    holder.relay = relay;
    return relay;
  }

  /** Calls that reached the emulator on paths ending with `suffix` (e.g. `/oauth2/v2.0/token`). */
  count(suffix: string): number {
    let total = 0;
    for (const [path, count] of this.counts) if (path.endsWith(suffix)) total += count;
    return total;
  }

  /**
   * From now on, the distinct client connections that calls on paths containing `pathPart` come
   * over; read with the returned function. A client that keeps its connections alive makes many
   * calls over few.
   */
  watchConnections(pathPart: string): () => number {
    const watch = { pathPart, sockets: new Set<Socket>() };
    this.watches.add(watch);
    return () => watch.sockets.size;
  }

  /** The next call gets this answer from the relay (an authority's 429, say), not the emulator. */
  answerNextWith(answer: CannedAnswer): void {
    this.cannedAnswers.push(answer);
  }

  /** Every call that reached the emulator. */
  total(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
