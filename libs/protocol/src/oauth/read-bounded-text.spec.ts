import { readBoundedText } from './read-bounded-text';

const streamOf = (...chunks: Uint8Array[]): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

describe('readBoundedText', () => {
  it('reads a body within the limit as UTF-8 text', async () => {
    await expect(readBoundedText(new Response('{"a":"é😀"}'), 100)).resolves.toEqual({
      ok: true,
      text: '{"a":"é😀"}',
    });
  });

  it('reads an absent body as empty text', async () => {
    await expect(readBoundedText(new Response(null, { status: 204 }), 10)).resolves.toEqual({
      ok: true,
      text: '',
    });
  });

  it('refuses a declared Content-Length above the limit without reading', async () => {
    const response = new Response('x'.repeat(20), { headers: { 'content-length': '20' } });
    await expect(readBoundedText(response, 10)).resolves.toEqual({
      ok: false,
      reason: 'too_large',
    });
  });

  it('stops reading a streamed body once it passes the limit, and cancels the stream', async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new Uint8Array(8));
      },
    });
    await expect(readBoundedText(new Response(endless), 20)).resolves.toEqual({
      ok: false,
      reason: 'too_large',
    });
    expect(pulls).toBeLessThan(10);
  });

  it('reads a body split across chunks, even inside a character', async () => {
    const bytes = new TextEncoder().encode('€uro');
    const response = new Response(streamOf(bytes.slice(0, 2), bytes.slice(2)));
    await expect(readBoundedText(response, 100)).resolves.toEqual({ ok: true, text: '€uro' });
  });

  it('reports invalid UTF-8 rather than replacing it', async () => {
    const response = new Response(streamOf(new Uint8Array([0x7b, 0xff, 0x7d])));
    await expect(readBoundedText(response, 100)).resolves.toEqual({
      ok: false,
      reason: 'invalid_utf8',
    });
  });

  it('reads an answer without a body stream through text(), bounded by its length', async () => {
    const textOnly = (text: string) =>
      ({ headers: new Headers(), text: () => Promise.resolve(text) }) as unknown as Response;
    await expect(readBoundedText(textOnly('{"a":1}'), 100)).resolves.toEqual({
      ok: true,
      text: '{"a":1}',
    });
    await expect(readBoundedText(textOnly('x'.repeat(101)), 100)).resolves.toEqual({
      ok: false,
      reason: 'too_large',
    });
  });
});
