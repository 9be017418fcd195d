import { usageError } from '../cli/cli-error';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Only HTTPS carries a password, token or admin key, except to a loopback host, where a local
 * emulator answers plain HTTP and nothing crosses the network.
 *
 * @throws CliError `usage` for anything else, or for a URL that is not absolute.
 */
export function checkTransport(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw usageError(`the ${what} is not an absolute URL`);
  }
  const secure = parsed.protocol === 'https:';
  if (!secure && !(parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname))) {
    throw usageError(`the ${what} must use https (http only on localhost, 127.0.0.1 or [::1])`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw usageError(`the ${what} must not carry credentials`);
  }
  return parsed;
}

/** True for a URL on a loopback host. */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}
