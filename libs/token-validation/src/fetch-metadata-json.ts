/** What {@link fetchMetadataJson} needs. */
export interface MetadataFetchOptions {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
}

/** Discovery documents and key sets are a few kB; anything far larger is not one. */
const MAX_BODY_BYTES = 512 * 1024;

class BodyTooLargeError extends Error {}

/**
 * The body as text, read chunk by chunk and abandoned (the connection cancelled) as soon as it
 * passes {@link MAX_BODY_BYTES}: a chunked body without Content-Length is never read whole.
 */
async function readBounded(response: Response, what: string): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel(`${what} body is too large`);
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GETs a discovery document or key set and parses its JSON. Any failure — no answer within the
 * timeout, a non-200 status, an oversized or non-JSON body — throws an Error whose message is
 * meant for operators' logs (it holds the URL's kind, never a token).
 */
export async function fetchMetadataJson(
  url: string,
  what: string,
  options: MetadataFetchOptions,
): Promise<unknown> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await options.fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (cause) {
    throw new Error(`${what} request ${signal.aborted ? 'timed out' : 'failed'}`, { cause });
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`${what} answered HTTP ${response.status}`);
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) {
    await response.body?.cancel();
    throw new Error(`${what} body is too large`);
  }
  const text = await readBounded(response, what).catch((cause: unknown) => {
    if (cause instanceof BodyTooLargeError) throw new Error(`${what} body is too large`);
    throw new Error(`${what} body ${signal.aborted ? 'timed out' : 'was cut off'}`, { cause });
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new Error(`${what} body is not JSON`, { cause });
  }
}
