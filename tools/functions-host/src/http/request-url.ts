import type { IncomingMessage } from 'node:http';

/** A host name, IPv4 or bracketed IPv6 address, with an optional port; nothing else. */
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The absolute request URL as the Functions host builds it: scheme, Host header, path, query.
 * Returns `undefined` for a request target that is not a path or a Host header that is not a
 * plain authority (answered 400), so a crafted Host cannot move the path.
 */
export function requestUrl(req: IncomingMessage, scheme: 'http' | 'https'): URL | undefined {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return undefined;
  const host = req.headers.host ?? localAuthority(req);
  if (!HOST_HEADER.test(host)) return undefined;
  try {
    return new URL(`${scheme}://${host}${target}`);
  } catch {
    return undefined;
  }
}

function localAuthority(req: IncomingMessage): string {
  const address = req.socket.localAddress ?? '127.0.0.1';
  const hostPart = address.includes(':') ? `[${address}]` : address;
  return `${hostPart}:${req.socket.localPort ?? 0}`;
}
