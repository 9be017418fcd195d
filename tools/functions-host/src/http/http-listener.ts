import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FunctionsHostHttpsOptions } from '../functions-host-options';
import { createRequestListener, type RequestListenerContext } from './create-request-listener';

/** How long `close` waits for requests in progress before cutting connections. */
const CLOSE_GRACE_MS = 5000;

/** One listening server. */
export interface HttpListener {
  /** e.g. `http://127.0.0.1:7071`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts an HTTP (or, with `tls`, HTTPS) server for the app on `hostname:port`. */
export async function startHttpListener(
  context: Omit<RequestListenerContext, 'scheme'>,
  hostname: string,
  port: number,
  tls?: FunctionsHostHttpsOptions,
): Promise<HttpListener> {
  const scheme = tls ? 'https' : 'http';
  const listener = createRequestListener({ ...context, scheme });
  const server = tls
    ? https.createServer({ key: tls.key, cert: tls.cert }, listener)
    : http.createServer(listener);
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Invite the body only if it may be accepted; an oversized one is refused (413) unsent.
    const declared = Number(req.headers['content-length']);
    if (!(declared > context.maxRequestBodyBytes)) res.writeContinue();
    listener(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const hostPart = hostname.includes(':') ? `[${hostname}]` : hostname;
  return { url: `${scheme}://${hostPart}:${actualPort}`, close: () => closeServer(server) };
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.closeAllConnections();
    }, CLOSE_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
