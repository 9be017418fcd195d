// Requests per second of a GET under autocannon (10 connections), for `seconds`.
import autocannon from 'autocannon';

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
