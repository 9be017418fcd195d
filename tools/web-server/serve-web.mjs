#!/usr/bin/env node
// @ts-check
// Serves the built web app and proxies /api to the API on one origin, as Azure Static Web Apps
// does with a linked Function app (docs/architecture.md, "One origin for the browser"). Used by
// `npm start` and the browser tests; `npx nx serve web` (the Angular dev server) does the same in
// development.
//
//   node tools/web-server/serve-web.mjs --root dist/apps/web/browser --api http://127.0.0.1:7071
//        [--port 4200] [--host 127.0.0.1] [--config path/to/config.json]
//        [--swa-config path/to/staticwebapp.config.json]
// Static answers follow the app's staticwebapp.config.json (headers, CSP, caching, fallback).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { STATUS_CODES, createServer, request as httpRequest } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { loadStaticWebAppConfig, planStaticResponse } from './static-web-app-config.mjs';

/** @import { IncomingMessage, ServerResponse } from 'node:http' */
/** @import { AddressInfo } from 'node:net' */

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    api: { type: 'string' },
    port: { type: 'string', default: '4200' },
    host: { type: 'string', default: '127.0.0.1' },
    config: { type: 'string' },
    'swa-config': { type: 'string' },
  },
});
if (!values.root || !values.api) {
  console.error(
    'usage: serve-web.mjs --root <dir> --api <url> [--port N] [--host H] [--config file]\n' +
      '                     [--swa-config staticwebapp.config.json]',
  );
  process.exit(2);
}
const root = resolve(values.root);
const api = new URL(values.api);
const configOverride = values.config ? readFileSync(values.config) : undefined;
// The app's own staticwebapp.config.json, as deployed; --swa-config puts another in its place
// (a test or a direct-mode setup that must allow one more origin in the CSP).
const swaConfig = (() => {
  const file = values['swa-config'] ?? join(root, 'staticwebapp.config.json');
  try {
    return loadStaticWebAppConfig(resolve(file));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
})();
/** @type {Readonly<Record<string, string>>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Forwards /api/* to the API, appending the client address to X-Forwarded-For.
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 */
function proxy(request, response) {
  const forwarded = [request.headers['x-forwarded-for'], request.socket.remoteAddress]
    .filter(Boolean)
    .join(', ');
  const upstream = httpRequest(
    {
      hostname: api.hostname,
      port: api.port,
      path: request.url,
      method: request.method,
      headers: { ...request.headers, host: api.host, 'x-forwarded-for': forwarded },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', () => {
    // After the headers went out, the only honest end is a cut connection.
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'bad_gateway' }));
  });
  request.pipe(upstream);
}

/**
 * A plain-text refusal: the server answers every request and never exits for one.
 * @param {ServerResponse} response
 * @param {number} status
 * @param {string} text
 */
function refuse(response, status, text) {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
  });
  response.end(`${text}\n`);
}

/**
 * The request's path decoded, or undefined when its percent-encoding is malformed.
 * @param {string} url
 * @returns {string | undefined}
 */
function decodedPath(url) {
  try {
    return decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
}

/**
 * The file a path names inside the root, if it is one; `outside` when it escapes the root.
 * @param {string} path
 * @returns {string | undefined}
 */
function fileInRoot(path) {
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return 'outside';
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * Static files as Azure Static Web Apps serves them under the app's own
 * staticwebapp.config.json (static-web-app-config.mjs): its route headers, navigation fallback
 * and global headers. A malformed path is a 400 and a path that escapes the root
 * (`/..%2fsibling/file`) a 404: the server answers and goes on.
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 */
function serveStatic(request, response) {
  const path = decodedPath(request.url ?? '/');
  if (path === undefined || path.includes('\0')) {
    refuse(response, 400, 'Bad Request');
    return;
  }
  if (fileInRoot(path) === 'outside') {
    refuse(response, 404, 'Not Found');
    return;
  }
  const method = request.method ?? 'GET';
  const isFile = (/** @type {string} */ candidate) =>
    (candidate === '/config.json' && configOverride !== undefined) ||
    typeof fileInRoot(candidate) === 'string';
  const plan = planStaticResponse(swaConfig, method, path, isFile);
  if (plan.kind === 'redirect') {
    response.writeHead(plan.status, { ...plan.headers, location: plan.location });
    response.end();
    return;
  }
  if (plan.kind === 'status') {
    response.writeHead(plan.status, {
      'content-type': 'text/plain; charset=utf-8',
      ...plan.headers,
    });
    response.end(method === 'HEAD' ? undefined : `${STATUS_CODES[plan.status] ?? ''}\n`);
    return;
  }
  const extension = extname(plan.path);
  const headers = {
    'content-type':
      swaConfig.mimeTypes[extension] ?? TYPES[extension] ?? 'application/octet-stream',
    ...plan.headers,
  };
  // The runtime config.json given with --config takes the place of the built one.
  const override = plan.path === '/config.json' ? configOverride : undefined;
  const file = fileInRoot(plan.path);
  if (file === 'outside') {
    refuse(response, 404, 'Not Found');
    return;
  }
  if (method === 'HEAD' || override !== undefined || file === undefined) {
    response.writeHead(plan.status, headers);
    response.end(method === 'HEAD' ? undefined : override);
    return;
  }
  const stream = createReadStream(file);
  stream.once('open', () => {
    response.writeHead(plan.status, headers);
    stream.pipe(response);
  });
  stream.once('error', () => {
    if (response.headersSent) response.destroy();
    else refuse(response, 404, 'Not Found');
  });
}

const server = createServer((request, response) => {
  if (request.url?.startsWith('/api/') || request.url === '/api') proxy(request, response);
  else if (request.method === 'GET' || request.method === 'HEAD') serveStatic(request, response);
  else {
    response.writeHead(405, { allow: 'GET, HEAD' });
    response.end();
  }
});
server.listen(Number(values.port), values.host, () => {
  console.log(
    `web listening on http://${values.host}:${/** @type {AddressInfo} */ (server.address()).port} (api → ${api.origin})`,
  );
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop).once('SIGTERM', stop);
