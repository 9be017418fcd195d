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
 * Whether `connectionString` names a Table endpoint the way the Azure SDK reads it: Azurite's
 * `UseDevelopmentStorage=true`, an account name with its key, or a SAS token with a table
 * endpoint. Checked offline, without loading the SDK, so that a mistake fails at start.
 */
export function isStorageConnectionString(connectionString: string): boolean {
  const settings = connectionStringSettings(connectionString);
  if (settings.get('usedevelopmentstorage')?.toLowerCase() === 'true') return true;
  const endpoint = settings.get('tableendpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/]/iu.test(endpoint)) return false;
  const hasKey = Boolean(settings.get('accountname')) && Boolean(settings.get('accountkey'));
  const hasSas = Boolean(settings.get('sharedaccesssignature')) && endpoint !== undefined;
  return hasKey || hasSas;
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
