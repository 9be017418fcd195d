// @ts-check
// An authority that answers every POST at once with one canned token answer (CANNED_ANSWER, JSON
// from a real sign-in at the emulator), so that a proxy in front of it can be measured without the
// authority's own work (argon2id, signatures) sharing the cores. Run as a script; prints its URL.
import { createServer } from 'node:http';

/** @import { AddressInfo } from 'node:net' */

const answer = process.env.CANNED_ANSWER;
if (!answer) throw new Error('CANNED_ANSWER (a token answer, JSON) is required');
const server = createServer((request, response) => {
  request.resume();
  request.once('end', () => {
    response.writeHead(request.method === 'POST' ? 200 : 405, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(request.method === 'POST' ? answer : '{"error":"method_not_allowed"}');
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(
    `listening on http://127.0.0.1:${/** @type {AddressInfo} */ (server.address()).port}`,
  );
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
