import type { HttpRequest } from '@azure/functions';

/**
 * The request body's bytes, or `undefined` when it is larger than `maxBytes`. A declared
 * `Content-Length` over the limit is refused before anything is read; a body sent without one
 * (chunked) is measured once read, since the host has already bounded it.
 */
export async function readBoundedBody(
  request: HttpRequest,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return undefined;
  const body = new Uint8Array(await request.arrayBuffer());
  return body.byteLength > maxBytes ? undefined : body;
}

/** The request's media type, lower case, without parameters (`''` when there is none). */
export function requestMediaType(request: HttpRequest): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
