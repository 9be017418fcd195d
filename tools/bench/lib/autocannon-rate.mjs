// @ts-check
// Requests per second of a GET under autocannon (10 connections), for `seconds`.
import autocannon from 'autocannon';

/**
 * @typedef {object} AutocannonRateOptions
 * @property {number} seconds
 * @property {Record<string, string>} [headers]
 * @property {number} [connections] Default 10.
 * @property {boolean} [warmUp] Whether a 1 s unmeasured run comes first.
 */

/**
 * @param {string} url
 * @param {AutocannonRateOptions} options
 */
export async function autocannonRate(
  url,
  { seconds, headers = {}, connections = 10, warmUp = false },
) {
  // A short unmeasured run first, so that the JIT has compiled the path being measured.
  if (warmUp) await autocannon({ url, connections, duration: 1, headers });
  const result = await autocannon({ url, connections, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}
