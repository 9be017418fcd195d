import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invokeFunction } from '../core/invoke-function';
import type { RpcInvocationRequest } from '../core/core-types';
import type { RegisteredFunction, WorkerRuntime } from '../core/worker-runtime';
import { describeError } from '../describe-error';
import type { HostLogger } from '../host-logger';
import { adminFunctionName } from './admin-function-request';
import { countSetCookieHeaders } from './count-set-cookie-headers';
import { readRequestBody } from './read-request-body';
import { requestUrl } from './request-url';
import type { RouteTable } from './route-table';
import { sendJsonError } from './send-json-error';
import { toHttpInvocationRequest } from './to-http-invocation-request';
import { httpResponseOf, writeHttpResponse } from './write-http-response';

/** What the request listener needs from the host. */
export interface RequestListenerContext {
  readonly runtime: WorkerRuntime;
  readonly routes: RouteTable;
  readonly maxRequestBodyBytes: number;
  readonly logger: HostLogger;
  readonly scheme: 'http' | 'https';
  /** Runs a timer function now (for `POST /admin/functions/{name}`); rejects if it is unknown. */
  readonly runTimer: (name: string) => Promise<void>;
  /** Whether `name` is a timer function (case-insensitive). */
  readonly hasTimer: (name: string) => boolean;
}

/**
 * The node:http listener: route, enforce the body limit, invoke through the app's programming
 * model, write the answer, and log one line per request (path only, never the query).
 */
export function createRequestListener(
  context: RequestListenerContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (context.logger.logsRequests) logWhenClosed(req, res, context.logger);
    serve(req, res, context).catch((error: unknown) => {
      context.logger.error(`${req.method ?? 'GET'} ${pathOf(req)} failed: ${describeError(error)}`);
      if (res.headersSent) res.destroy();
      else sendJsonError(res, 500, 'internal_error');
    });
  };
}

function logWhenClosed(req: IncomingMessage, res: ServerResponse, logger: HostLogger): void {
  const startedAt = performance.now();
  res.once('close', () => {
    logger.request(req.method ?? 'GET', pathOf(req), res.statusCode, performance.now() - startedAt);
  });
}

/** The request target without its query, which may hold secrets and is never logged. */
function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?', 1)[0] ?? '/';
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  context: RequestListenerContext,
): Promise<void> {
  const url = requestUrl(req, context.scheme);
  if (!url) {
    sendJsonError(res, 400, 'bad_request');
    return;
  }
  const adminFunction = adminFunctionName(req, url.pathname);
  if (adminFunction !== undefined) {
    await runAdminFunction(res, context, adminFunction);
    return;
  }
  const match = context.routes.match(req.method ?? 'GET', url.pathname);
  if (match.kind !== 'matched') {
    if (match.kind === 'not-found') sendJsonError(res, 404, 'not_found');
    else sendJsonError(res, 405, 'method_not_allowed', { allow: match.allow.join(', ') });
    return;
  }
  const body = await readRequestBody(req, context.maxRequestBodyBytes);
  if (!body) {
    // Closing the connection stops the client's upload instead of reading it to the end.
    sendJsonError(res, 413, 'request_too_large', { connection: 'close' });
    return;
  }
  const { route, params } = match;
  const invocationId = randomUUID();
  const request = toHttpInvocationRequest({ invocationId, fn: route.fn, req, url, params, body });
  await invokeRoute(res, context, route.fn, request);
}

/**
 * Core Tools' `POST /admin/functions/{name}` for timer functions: 202 once the run has finished
 * (Core Tools answers 202 at once; waiting lets a test check the run's effects), 404 for a name
 * that is not a timer, 500 if the run failed. Loopback development use only: in Azure this route
 * needs the master key, which this host does not model.
 */
async function runAdminFunction(
  res: ServerResponse,
  context: RequestListenerContext,
  name: string,
): Promise<void> {
  if (!context.hasTimer(name)) {
    sendJsonError(res, 404, 'not_found');
    return;
  }
  try {
    await context.runTimer(name);
  } catch (error) {
    context.logger.error(`Timer "${name}" failed: ${describeError(error)}`);
    sendJsonError(res, 500, 'internal_error');
    return;
  }
  res.writeHead(202, { 'content-length': '0' });
  res.end();
}

async function invokeRoute(
  res: ServerResponse,
  context: RequestListenerContext,
  fn: RegisteredFunction,
  request: RpcInvocationRequest,
): Promise<void> {
  const log = (level: 'warning' | 'error', message: string): void => {
    const { invocationId } = request;
    context.logger.worker({
      level,
      category: 'system',
      functionName: fn.metadata.name,
      invocationId,
      message,
    });
  };
  let outcome;
  try {
    outcome = await invokeFunction(context.runtime, fn, request);
  } catch (error) {
    log('error', `Executed with an error: ${describeError(error)}`);
    sendJsonError(res, 500, 'internal_error');
    return;
  }
  if (countSetCookieHeaders(outcome.result) > 1) {
    log(
      'warning',
      'Only the last of several Set-Cookie headers is sent (as on Azure); use the `cookies` option.',
    );
  }
  writeHttpResponse(res, httpResponseOf(outcome.response));
}
