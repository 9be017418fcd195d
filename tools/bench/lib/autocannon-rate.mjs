// @ts-check
// Requests per second of a GET under autocannon (10 connections), for `seconds`; optionally the
// server process's CPU per request over the same run.
import autocannon from 'autocannon';
import { processCpuSeconds } from './emulator-process.mjs';

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
export async function autocannonRate(url, options) {
  const { rate } = await autocannonLoad(url, options);
  return rate;
}

/**
 * Like autocannonRate, and the CPU (user + system, from /proc) that process `pid` spent per
 * answered request during the measured run: the server's own cost, whatever the load generator's.
 * @param {string} url
 * @param {AutocannonRateOptions & { pid: number }} options
 * @returns {Promise<{ rate: number, cpuMicrosPerRequest: number }>}
 */
export async function autocannonRateAndCpu(url, options) {
  let before = 0;
  const { rate, requests } = await autocannonLoad(url, options, () => {
    before = processCpuSeconds(options.pid);
  });
  const cpuMicrosPerRequest = ((processCpuSeconds(options.pid) - before) * 1e6) / requests;
  return { rate, cpuMicrosPerRequest };
}

/**
 * @param {string} url
 * @param {AutocannonRateOptions} options
 * @param {() => void} [onMeasuredStart] Called just before the measured run starts.
 */
async function autocannonLoad(
  url,
  { seconds, headers = {}, connections = 10, warmUp = false },
  onMeasuredStart,
) {
  // A short unmeasured run first, so that the JIT has compiled the path being measured.
  if (warmUp) await autocannon({ url, connections, duration: 1, headers });
  onMeasuredStart?.();
  const result = await autocannon({ url, connections, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return { rate: result.requests.average, requests: result.requests.total };
}
