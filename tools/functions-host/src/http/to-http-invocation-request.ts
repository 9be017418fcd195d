import type { IncomingMessage } from 'node:http';
import type { RpcHttpData, RpcInvocationRequest, RpcTypedData } from '../core/core-types';
import { triggerBinding } from '../core/trigger-binding';
import type { RegisteredFunction } from '../core/worker-runtime';
import { appendForwardedFor } from './append-forwarded-for';
import type { RouteParams } from './match-route-template';
import { traceContextOf } from './trace-context-of';

/** One routed HTTP request, body already read. */
export interface RoutedRequest {
  readonly invocationId: string;
  readonly fn: RegisteredFunction;
  readonly req: IncomingMessage;
  /** Absolute, as the Functions host hands it over: scheme, Host header, path and query. */
  readonly url: URL;
  readonly params: RouteParams;
  readonly body: Buffer;
}

/**
 * Builds the invocation request the Functions host sends for an HTTP trigger: the request as
 * RpcHttpData under the trigger's binding name, trigger metadata (route values, Query and
 * Headers) as the host adds them, and the request's W3C trace context.
 */
export function toHttpInvocationRequest(routed: RoutedRequest): RpcInvocationRequest {
  const { req, url, params, body, fn } = routed;
  const headers = headersOf(req);
  const query = queryOf(url);
  const http: RpcHttpData = {
    method: req.method ?? 'GET',
    url: url.href,
    headers,
    query,
    params,
    body: body.length > 0 ? { bytes: body } : null,
  };
  const routeValues = Object.entries(params).map(([name, value]): [string, RpcTypedData] => [
    name,
    { string: value },
  ]);
  return {
    invocationId: routed.invocationId,
    functionId: fn.metadata.functionId,
    inputData: [{ name: triggerBinding(fn.metadata).name, data: { http } }],
    triggerMetadata: {
      ...Object.fromEntries(routeValues),
      Query: jsonOnRead(query),
      Headers: jsonOnRead(headers),
    },
    traceContext: traceContextOf(headers),
  };
}

/**
 * Typed data whose JSON text is made when read: the library reads no trigger metadata of an HTTP
 * trigger (the request carries it), so serializing the headers up front was wasted per request.
 */
function jsonOnRead(value: unknown): RpcTypedData {
  let json: string | undefined;
  return {
    get json() {
      return (json ??= JSON.stringify(value));
    },
  };
}

/** Header values as one string each, joined like the host does, plus our X-Forwarded-For hop. */
function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const forwardedFor = appendForwardedFor(headers['x-forwarded-for'], req.socket.remoteAddress);
  if (forwardedFor !== undefined) headers['x-forwarded-for'] = forwardedFor;
  return headers;
}

/** The host passes the query as a map; a repeated key arrives comma-joined (`a=1&a=2` → `1,2`). */
function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) {
    query[key] = url.searchParams.getAll(key).join(',');
  }
  return query;
}
