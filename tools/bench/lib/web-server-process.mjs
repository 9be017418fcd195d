// @ts-check
// Serves the built web app for a benchmark with tools/web-server (one origin, /api proxied to the
// API, as `npm start` and the browser tests serve it), optionally with another config.json.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './emulator-process.mjs';
import { startListeningProcess } from './listening-process.mjs';

/** @import { AddressInfo } from 'node:net' */
/** @import { RunningServer } from './emulator-process.mjs' */

/**
 * Where and what to serve.
 * @typedef {object} WebServerOptions
 * @property {string} apiUrl The API's origin, where /api goes.
 * @property {number} port
 * @property {string} [configFile] Served as /config.json instead of the build's own (B2C's).
 */

/** A free loopback port: the web origin must be known before the API starts (its allow-list). */
export async function freePort() {
  const server = createServer();
  await /** @type {Promise<void>} */ (
    new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  );
  const { port } = /** @type {AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Spawns serve-web.mjs on dist/apps/web/browser and resolves once it listens.
 * @param {WebServerOptions} options
 * @returns {Promise<RunningServer>}
 */
export function startWebServer({ apiUrl, port, configFile }) {
  const config = configFile === undefined ? [] : ['--config', configFile];
  // Its first line: "web listening on <url> (api → …)".
  return startListeningProcess('web server', [
    join(ROOT, 'tools/web-server/serve-web.mjs'),
    '--root',
    join(ROOT, 'dist/apps/web/browser'),
    '--api',
    apiUrl,
    '--port',
    String(port),
    ...config,
  ]);
}
