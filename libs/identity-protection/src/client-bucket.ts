/**
 * The unit that per-client limits count: an IPv4 address, or an IPv6 client's /64. One IPv6
 * subscriber usually holds a whole /64 (RFC 6177, RFC 7381), so keying each address would hand
 * one client 2^64 separate budgets.
 */
export function clientBucket(address: string): string {
  const hextets = expandIpv6(address);
  if (!hextets) return address;
  return `${hextets.slice(0, 4).join(':')}::/64`;
}

const HEXTET = /^[0-9a-f]{1,4}$/i;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The eight hextets of an IPv6 address (lower case, no leading zeros), or undefined. */
function expandIpv6(address: string): string[] | undefined {
  const value = address.split('%')[0] ?? '';
  if (!value.includes(':')) return undefined;
  const halves = value.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...head, ...Array<string>(Math.max(0, missing)).fill('0'), ...tail];
}

/** Colon-separated groups, an IPv4 tail counting as two; undefined when any is malformed. */
function parseGroups(part: string): string[] | undefined {
  if (part === '') return [];
  const groups = part.split(':');
  const result: string[] = [];
  for (const [index, group] of groups.entries()) {
    const ipv4 = index === groups.length - 1 ? IPV4.exec(group) : null;
    if (ipv4) {
      const bytes = ipv4.slice(1).map(Number);
      if (bytes.some((byte) => byte > 255)) return undefined;
      const [a = 0, b = 0, c = 0, d = 0] = bytes;
      result.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
    } else if (HEXTET.test(group)) {
      result.push(parseInt(group, 16).toString(16));
    } else {
      return undefined;
    }
  }
  return result;
}
