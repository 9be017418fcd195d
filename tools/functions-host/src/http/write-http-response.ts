import type { ServerResponse } from 'node:http';
import type { RpcHttpData, RpcInvocationResponse, RpcTypedData } from '../core/core-types';
import { formatSetCookie } from './format-set-cookie';

/** Connection-level headers belong to this server, not to the app's response. */
const NOT_FORWARDED = new Set([
  'connection',
  'content-length',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

const NULL_BODY_STATUSES = new Set([204, 304]);

/** The HTTP response of an invocation: the `$return` binding, else an `http` output binding. */
export function httpResponseOf(response: RpcInvocationResponse): RpcHttpData | undefined {
  if (response.returnValue?.http) return response.returnValue.http;
  return response.outputData?.find((output) => output.data?.http)?.data?.http ?? undefined;
}

/**
 * Writes the RPC response to the client: status (200 when the function returned nothing, as the
 * host's `OkResult`), headers, the header Set-Cookie followed by one Set-Cookie per `cookies`
 * entry, and the body with a Content-Length.
 */
export function writeHttpResponse(res: ServerResponse, http: RpcHttpData | undefined): void {
  const status = http?.statusCode ? Number(http.statusCode) : 200;
  for (const [name, value] of Object.entries(http?.headers ?? {})) {
    if (!NOT_FORWARDED.has(name.toLowerCase())) res.setHeader(name, value);
  }
  const cookies = (http?.cookies ?? []).map(formatSetCookie);
  if (cookies.length > 0)
    res.setHeader('set-cookie', [...headerValues(res, 'set-cookie'), ...cookies]);
  res.statusCode = status;
  if (NULL_BODY_STATUSES.has(status)) {
    res.end();
    return;
  }
  const body = bodyBytes(http?.body);
  res.setHeader('content-length', String(body.length));
  res.end(body);
}

function headerValues(res: ServerResponse, name: string): string[] {
  const value = res.getHeader(name);
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [String(value)];
}

/** Byte views may come from another realm (the app's), so no `instanceof`. */
function bodyBytes(data: RpcTypedData | null | undefined): Buffer {
  if (data?.bytes)
    return Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength);
  const text = data?.string ?? data?.json ?? data?.int ?? data?.double;
  return text === undefined || text === null ? Buffer.alloc(0) : Buffer.from(String(text));
}
