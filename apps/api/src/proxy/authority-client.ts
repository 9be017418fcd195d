import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { BoundedTextResult } from '@ropc/protocol';
import { traceUpstreamCall, type AuthorityKind } from '@ropc/telemetry';

/** The authority's answer once its status and headers are in; the body is read on demand. */
export interface AuthorityAnswer {
  readonly status: number;
  /** A response header (lower-case name), or null. */
  header(name: string): string | null;
  /**
   * The body as UTF-8 text, refused once it passes `maxBytes` (a declared `Content-Length` over
   * it before anything is read). Rejects with a `TimeoutError` when the call's deadline passes
   * while reading, with another error when the connection breaks.
   */
  text(maxBytes: number): Promise<BoundedTextResult>;
  /** Drops the body unread (its connection is closed rather than reused). */
  discard(): void;
}

/** The call got no answer: the authority was unreachable, or did not answer in time. */
export class AuthorityUnreachableError extends Error {
  override readonly name = 'AuthorityUnreachableError';
}

/** The deadline of a call passed; `name` as `AbortSignal.timeout`'s, which callers test for. */
class CallTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

// Fatal: invalid UTF-8 is reported, never replaced. One decoder serves every call: `decode`
// without `stream` starts afresh each time.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How a proxy reaches its authority: form POSTs over keep-alive connections, one pool per proxy,
 * created once. Reusing connections spares both processes a TCP handshake per sign-in, and
 * `node:http` costs a fraction of `fetch`'s CPU per call (no WHATWG Request, Headers and stream
 * objects). Every call has one deadline, `timeoutMs`, from the start of the call to the end of
 * its body; redirects are never followed, so a password never goes anywhere but the URL given.
 */
export class AuthorityClient {
  private readonly httpAgent = new HttpAgent({ keepAlive: true });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true });

  constructor(
    private readonly timeoutMs: number,
    /** Which authority it calls, as its telemetry names it. */
    private readonly kind: AuthorityKind = 'b2c',
  ) {}

  /**
   * POSTs `body` (a form, already encoded) to `url` with `headers` added; resolves once the
   * status and headers are in.
   *
   * @throws AuthorityUnreachableError when no answer came (connection refused or broken, a header
   *   value that cannot be sent, or the deadline passed).
   */
  postForm(
    url: string,
    body: string,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<AuthorityAnswer> {
    const secure = url.startsWith('https:');
    const send = secure ? httpsRequest : httpRequest;
    const agent = secure ? this.httpsAgent : this.httpAgent;
    // A CLIENT span per call, ended with the answer's body; its traceparent goes upstream.
    const traced = traceUpstreamCall(this.kind, url);
    return new Promise((resolve, reject) => {
      let outgoing: ClientRequest | undefined;
      let answered: IncomingMessage | undefined;
      const deadline = setTimeout(() => {
        const timedOut = new CallTimeoutError('the authority did not answer in time');
        (answered ?? outgoing)?.destroy(timedOut);
      }, this.timeoutMs);
      const unreachable = (error: unknown): void => {
        clearTimeout(deadline);
        traced.end();
        reject(
          new AuthorityUnreachableError('the authority could not be reached', { cause: error }),
        );
      };
      try {
        outgoing = send(url, {
          method: 'POST',
          agent,
          headers: {
            ...headers,
            ...traced.headers,
            'Content-Type': 'application/x-www-form-urlencoded',
            'Content-Length': String(Buffer.byteLength(body)),
          },
        });
      } catch (error) {
        unreachable(error); // an invalid URL or header value: nothing was sent
        return;
      }
      outgoing.on('error', (error) => {
        // Once the answer has come, a broken connection is its body's failure (text() says so).
        if (!answered) unreachable(error);
      });
      outgoing.on('response', (response) => {
        answered = response;
        traced.answered(response.statusCode ?? 0);
        resolve(
          answerOf(response, () => {
            clearTimeout(deadline);
            traced.end();
          }),
        );
      });
      outgoing.end(body);
    });
  }

  /** Closes the pooled connections (tests; a process that exits needs nothing). */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function answerOf(response: IncomingMessage, finished: () => void): AuthorityAnswer {
  // Kept from the start: the deadline may break the body before anyone reads it, and an
  // 'error' without a listener would end the process.
  let failure: Error | undefined;
  response.on('error', (error) => {
    failure ??= error;
  });
  return {
    status: response.statusCode ?? 0,
    header(name) {
      const value = response.headers[name];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
    discard() {
      finished();
      response.destroy();
    },
    text(maxBytes) {
      const read =
        failure || response.destroyed
          ? Promise.reject(failure ?? new AuthorityUnreachableError('the answer was cut off'))
          : readBounded(response, maxBytes);
      return read.finally(finished);
    },
  };
}

/** Reads a response whole up to `maxBytes`; more is not read (the connection is closed). */
function readBounded(response: IncomingMessage, maxBytes: number): Promise<BoundedTextResult> {
  if (Number(response.headers['content-length'] ?? '0') > maxBytes) {
    response.destroy();
    return Promise.resolve({ ok: false, reason: 'too_large' });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        resolve({ ok: false, reason: 'too_large' });
        response.destroy();
        return;
      }
      chunks.push(chunk);
    });
    response.on('error', reject);
    // A connection that breaks mid-body closes the answer without 'end' (and maybe no 'error').
    response.on('close', () => {
      if (!response.complete) reject(new AuthorityUnreachableError('the answer was cut off'));
    });
    response.on('end', () => {
      try {
        resolve({ ok: true, text: utf8.decode(Buffer.concat(chunks, size)) });
      } catch {
        resolve({ ok: false, reason: 'invalid_utf8' });
      }
    });
  });
}
