/**
 * Counts the Set-Cookie headers of a handler's result (an HttpResponse or a plain
 * HttpResponseInit). The library turns headers into a name→value map for the host, so on Azure
 * only the last of several Set-Cookie headers survives; the host warns when this happens.
 */
export function countSetCookieHeaders(result: unknown): number {
  if (typeof result !== 'object' || result === null || !('headers' in result)) return 0;
  const { headers } = result;
  if (typeof headers !== 'object' || headers === null) return 0;
  try {
    // The Headers of an HttpResponse belong to the app's realm; copying it works across realms.
    return new Headers(headers as HeadersInit).getSetCookie().length;
  } catch {
    return 0;
  }
}
