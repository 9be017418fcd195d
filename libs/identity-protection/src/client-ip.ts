/**
 * The client IP rule shared by the sign-in proxy and the emulator (docs/architecture.md, "Client
 * IP"): with N trusted hops, the client is the N-th address from the right of `X-Forwarded-For`,
 * after the local host has appended the socket address, as a reverse proxy does.
 */

/** Strips a port and IPv6 brackets, and the IPv4-mapped prefix, from one forwarded address. */
export function normaliseIpAddress(address: string): string {
  let value = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  return value.toLowerCase().replace(/^::ffff:(?=[\d.]+$)/, '');
}

/**
 * Picks the client IP from an `X-Forwarded-For` value whose last entry is the socket address.
 * `trustedHops` 0 means the socket address itself; 1 the address the nearest trusted proxy saw;
 * and so on. When the header has fewer entries than that, the left-most one is used, since every
 * entry was then written by a trusted hop.
 *
 * @throws TypeError when trustedHops is not a non-negative integer.
 */
export function clientIpFromForwardedFor(
  forwardedFor: string,
  trustedHops: number,
): string | undefined {
  if (!Number.isInteger(trustedHops) || trustedHops < 0) {
    throw new TypeError('trustedHops must be a non-negative integer');
  }
  const entries = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return undefined;
  const index = Math.max(0, entries.length - 1 - trustedHops);
  const entry = entries[index];
  return entry === undefined ? undefined : normaliseIpAddress(entry);
}
