// @ts-check
// The baseline for the local Functions host: an empty node:http server answering the same JSON
// as /api/health, in its own process like the host. Run as a script; prints its URL.
import { createServer } from 'node:http';

/** @import { AddressInfo } from 'node:net' */

const body = JSON.stringify({ status: 'ok' });
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  console.log(
    `listening on http://127.0.0.1:${/** @type {AddressInfo} */ (server.address()).port}`,
  );
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
