// @ts-check
// A lean keep-alive HTTP client for load loops: node:http with a pooled agent costs a fraction of
// fetch's CPU per request, so that the load generator does not starve the server it measures on a
// 2-core machine.
import { Agent, request } from 'node:http';

/** @import { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http' */

/**
 * The fields the tools read from a JSON answer (token, error and notes bodies). A body is whatever
 * the server sent, so every field is optional.
 * @typedef {object} JsonBody
 * @property {string} [access_token]
 * @property {string} [refresh_token]
 * @property {string} [error]
 * @property {string} [error_description]
 * @property {string} [reason] Why the sign-in proxy refused (`account_protected`).
 * @property {string} [id] A created note's id.
 * @property {readonly { id: string }[]} [items] A listing's notes.
 */

/**
 * An answer with its body parsed.
 * @template Body
 * @typedef {object} JsonAnswer
 * @property {number} status
 * @property {IncomingHttpHeaders} headers
 * @property {Body} body
 */

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * A JSON body as the tools read it.
 * @param {string} text
 * @returns {JsonBody}
 */
function parseBody(text) {
  /** @type {unknown} */
  const body = JSON.parse(text);
  return /** @type {JsonBody} */ (body);
}

/**
 * POSTs a form; resolves with status, headers and parsed JSON body.
 * @param {string} url
 * @param {Record<string, string>} form
 * @param {OutgoingHttpHeaders} [headers]
 * @returns {Promise<JsonAnswer<JsonBody>>}
 */
export function postForm(url, form, headers = {}) {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        /** @type {Buffer[]} */
        const chunks = [];
        response.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve({
              // A client response always has a status code.
              status: /** @type {number} */ (response.statusCode),
              headers: response.headers,
              body: parseBody(Buffer.concat(chunks).toString('utf8')),
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Sends JSON (or nothing) with `method`; resolves with status, headers and parsed JSON body.
 * @param {string} method
 * @param {string} url
 * @param {{ json?: unknown, headers?: OutgoingHttpHeaders }} [options]
 * @returns {Promise<JsonAnswer<JsonBody | undefined>>}
 */
export function requestJson(method, url, { json, headers = {} } = {}) {
  const body = json === undefined ? undefined : JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (response) => {
        /** @type {Buffer[]} */
        const chunks = [];
        response.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({
              status: /** @type {number} */ (response.statusCode),
              headers: response.headers,
              body: text ? parseBody(text) : undefined,
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
