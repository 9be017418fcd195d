/** A connection string's `key=value` settings, keys lower-cased. */
export function connectionStringSettings(connectionString: string): Map<string, string> {
  const settings = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    settings.set(part.slice(0, separator).trim().toLowerCase(), part.slice(separator + 1).trim());
  }
  return settings;
}

/**
 * Whether the Azure SDK will accept `connectionString`, by its own rules, checked offline without
 * loading it (so that a mistake fails at start): Azurite's `UseDevelopmentStorage=true`; an
 * account connection string (`DefaultEndpointsProtocol`, `AccountName`, `AccountKey`, and either
 * a `TableEndpoint` or an http(s) protocol with an `EndpointSuffix`); or a SAS one
 * (`TableEndpoint` and `SharedAccessSignature`).
 */
export function isStorageConnectionString(connectionString: string): boolean {
  const settings = connectionStringSettings(connectionString);
  const has = (key: string): boolean => Boolean(settings.get(key));
  if (settings.get('usedevelopmentstorage')?.toLowerCase() === 'true') return true;
  const endpoint = settings.get('tableendpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/]/iu.test(endpoint)) return false;
  if (has('defaultendpointsprotocol') && has('accountkey')) {
    if (!has('accountname')) return false;
    if (endpoint !== undefined) return true;
    const protocol = settings.get('defaultendpointsprotocol')?.toLowerCase();
    return (protocol === 'https' || protocol === 'http') && has('endpointsuffix');
  }
  return endpoint !== undefined && has('sharedaccesssignature');
}

/** A connection string's endpoint and account, without its key or SAS token. */
export function describeStorage(connectionString: string): string {
  const settings = connectionStringSettings(connectionString);
  if (settings.get('usedevelopmentstorage')?.toLowerCase() === 'true') {
    return 'Azurite (http://127.0.0.1:10002/devstoreaccount1)';
  }
  const endpoint = settings.get('tableendpoint');
  if (endpoint) return endpoint.split('?', 1)[0] ?? endpoint;
  const protocol = settings.get('defaultendpointsprotocol') ?? 'https';
  const account = settings.get('accountname') ?? 'unknown account';
  const suffix = settings.get('endpointsuffix') ?? 'core.windows.net';
  return `${protocol}://${account}.table.${suffix}`;
}

/** Plain HTTP is allowed only to a loopback Azurite. */
export function isLoopbackHttp(connectionString: string): boolean {
  const endpoint = connectionStringSettings(connectionString).get('tableendpoint');
  if (!endpoint?.toLowerCase().startsWith('http://')) return false;
  const host = new URL(endpoint).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}
