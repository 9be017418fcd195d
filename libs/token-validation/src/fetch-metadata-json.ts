/** What {@link fetchMetadataJson} needs. */
export interface MetadataFetchOptions {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
}

/** Discovery documents and key sets are a few kB; anything far larger is not one. */
const MAX_BODY_CHARS = 512 * 1024;

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
  if (length > MAX_BODY_CHARS) {
    await response.body?.cancel();
    throw new Error(`${what} body is too large`);
  }
  const text = await response.text().catch((cause: unknown) => {
    throw new Error(`${what} body ${signal.aborted ? 'timed out' : 'was cut off'}`, { cause });
  });
  if (text.length > MAX_BODY_CHARS) throw new Error(`${what} body is too large`);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new Error(`${what} body is not JSON`, { cause });
  }
}
