import { readBoundedText } from '@ropc/protocol';

/** What {@link fetchMetadataJson} needs. */
export interface MetadataFetchOptions {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
}

/** Discovery documents and key sets are a few kB; anything far larger is not one. */
const MAX_BODY_BYTES = 512 * 1024;

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
  // Read chunk by chunk and abandoned (the connection cancelled) as soon as it passes the limit:
  // a chunked body without Content-Length is never read whole.
  const read = await readBoundedText(response, MAX_BODY_BYTES).catch((cause: unknown) => {
    throw new Error(`${what} body ${signal.aborted ? 'timed out' : 'was cut off'}`, { cause });
  });
  if (!read.ok && read.reason === 'too_large') throw new Error(`${what} body is too large`);
  if (!read.ok) throw new Error(`${what} body is not JSON`);
  try {
    return JSON.parse(read.text) as unknown;
  } catch (cause) {
    throw new Error(`${what} body is not JSON`, { cause });
  }
}
