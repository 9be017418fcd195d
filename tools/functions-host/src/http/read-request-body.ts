import type { IncomingMessage } from 'node:http';

const NO_BODY = Buffer.alloc(0);

/**
 * Reads a request body of at most `maxBytes`. Returns `undefined` as soon as the declared
 * Content-Length or the bytes received exceed the limit; reading stops there, so an oversized
 * body is never buffered. Rejects if the client goes away mid-body.
 */
export function readRequestBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve(undefined);
  // Neither header: the request has no body (RFC 9112 §6.3), so no need to wait for its end.
  if (declared === 0 || hasNoFraming(req)) return Promise.resolve(NO_BODY);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (outcome: () => void): void => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      outcome();
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) {
        req.pause();
        settle(() => {
          resolve(undefined);
        });
      } else chunks.push(chunk);
    };
    const onEnd = (): void => {
      settle(() => {
        resolve(Buffer.concat(chunks, received));
      });
    };
    const onError = (error: Error): void => {
      settle(() => {
        reject(error);
      });
    };
    const onClose = (): void => {
      onError(new Error('The client closed the connection before sending the whole body.'));
    };
    req.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
  });
}

function hasNoFraming(req: IncomingMessage): boolean {
  return (
    req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined
  );
}
