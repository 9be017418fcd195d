import { newTraceparent, type RandomFill } from './trace-parent';

/** A Request-like input: anything with a `url` that is not a URL object. */
function requestOf(input: RequestInfo | URL): Request | undefined {
  return typeof input === 'object' && !(input instanceof URL) ? input : undefined;
}

/** The URL a fetch goes to, resolved against `base`; undefined if it is not one. */
function targetOf(input: RequestInfo | URL, base: string): URL | undefined {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    return new URL(raw, base);
  } catch {
    return undefined;
  }
}

/** Header pairs of any `HeadersInit` (a Headers, pairs, or a record), without `Headers` itself. */
function entriesOf(init: HeadersInit | undefined): [string, string][] {
  if (init === undefined) return [];
  if (Array.isArray(init)) return init.map(([name, value]) => [name, value]);
  if (typeof (init as Headers).forEach === 'function') {
    const entries: [string, string][] = [];
    (init as Headers).forEach((value, name) => entries.push([name, value]));
    return entries;
  }
  return Object.entries(init as Record<string, string>);
}

/**
 * Wraps a Fetch API so that each call to `origin()` — the page's own origin, where the sign-in
 * proxy and the API are — carries a fresh `traceparent`; calls to any other origin (the
 * authority in direct mode, hosted pages) go exactly as they were, so no request id leaves for
 * a site that did not ask for it and no cross-origin preflight is added. A `traceparent` the
 * caller set is kept.
 */
export function traceSameOriginFetch(
  fetchFn: typeof fetch,
  origin: () => string | undefined,
  fill?: RandomFill,
): typeof fetch {
  return (input, init) => {
    const own = origin();
    const target = own === undefined ? undefined : targetOf(input, own);
    if (own === undefined || target?.origin !== own) return fetchFn(input, init);
    const entries = entriesOf(init?.headers ?? requestOf(input)?.headers);
    if (entries.some(([name]) => name.toLowerCase() === 'traceparent')) return fetchFn(input, init);
    const headers = Object.fromEntries([...entries, ['traceparent', newTraceparent(fill)]]);
    return fetchFn(input, { ...init, headers });
  };
}
