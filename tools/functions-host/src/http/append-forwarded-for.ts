/**
 * Appends the client address to X-Forwarded-For as a reverse proxy would, so an app can apply a
 * trusted-hops rule (take the address N entries from the right). The address is written without a
 * port and without the `::ffff:` prefix Node gives IPv4 clients on a dual-stack socket.
 */
export function appendForwardedFor(
  existing: string | undefined,
  remoteAddress: string | undefined,
): string | undefined {
  const client = remoteAddress === undefined ? undefined : normalizeAddress(remoteAddress);
  if (client === undefined || client === '') return existing;
  const previous = existing?.trim();
  return previous ? `${previous}, ${client}` : client;
}

function normalizeAddress(address: string): string {
  const unbracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address)?.[1];
  if (unbracketed !== undefined) return stripMappedPrefix(unbracketed);
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address)?.[1];
  return stripMappedPrefix(ipv4WithPort ?? address);
}

function stripMappedPrefix(address: string): string {
  return address.replace(/^::ffff:(?=\d{1,3}(?:\.\d{1,3}){3}$)/i, '');
}
