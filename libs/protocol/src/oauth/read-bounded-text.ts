/** The outcome of {@link readBoundedText}. */
export type BoundedTextResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'too_large' | 'invalid_utf8' };

const join = (chunks: readonly Uint8Array[], size: number): Uint8Array => {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
};

/**
 * Reads a response body as UTF-8 text, stopping (and cancelling the stream) once it passes
 * `maxBytes`, so a hostile or broken server cannot make a client buffer without limit. A declared
 * `Content-Length` above the limit is refused before reading. Invalid UTF-8 is reported, not
 * replaced. Kind-neutral: any JSON-over-HTTP authority answers through it.
 */
export async function readBoundedText(
  response: Response,
  maxBytes: number,
): Promise<BoundedTextResult> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { ok: false, reason: 'too_large' };
  }
  // A Response without a body stream (test doubles that give only text(), runtimes without
  // streams) can only be read whole; its length still bounds what is accepted.
  const stream = (response as { readonly body?: ReadableStream<Uint8Array> | null }).body;
  if (stream === null) return { ok: true, text: '' };
  if (stream === undefined) {
    const text = await response.text();
    return text.length > maxBytes ? { ok: false, reason: 'too_large' } : { ok: true, text };
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(join(chunks, size)) };
  } catch {
    return { ok: false, reason: 'invalid_utf8' };
  }
}
