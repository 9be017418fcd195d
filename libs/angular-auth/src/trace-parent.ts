/** Fills `bytes` with random values: the Web Crypto API's, in browsers and Node alike. */
export type RandomFill = (bytes: Uint8Array) => Uint8Array;

const webCrypto: RandomFill = (bytes) => crypto.getRandomValues(bytes);

function randomHex(byteLength: number, fill: RandomFill): string {
  let bytes = fill(new Uint8Array(byteLength));
  // All zeros is the spec's invalid id; a fair source never repeats it, but a stub might.
  while (bytes.every((byte) => byte === 0)) bytes = fill(new Uint8Array(byteLength));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A fresh W3C `traceparent` (version 00) for one request: a random trace id and span id, and
 * the sampled flag, so the API records the request's trace from here on. The browser keeps no
 * spans of its own: the id only ties the API's and the authority's spans to this request.
 */
export function newTraceparent(fill: RandomFill = webCrypto): string {
  return `00-${randomHex(16, fill)}-${randomHex(8, fill)}-01`;
}
