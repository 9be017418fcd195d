import { odata } from './odata-filter';

/**
 * Whether a store keeps each row's plain key in a `key` property beside its hashed partition key,
 * so that it can list what it holds. Off by default: the API's stores keep usernames and addresses
 * out of the table; the emulator, whose tenant file holds its users anyway, turns it on so that
 * its console can show lockouts and service-limit counts.
 */
export interface KeptKeysOption {
  readonly keepKeys?: boolean;
}

/**
 * The OData filter of the rows whose kept `key` starts with `prefix`, as a range the service can
 * answer from its string order (`key ge 'p|' and key lt 'p}'`); rows without a kept key never
 * match. Callers still check the prefix on what comes back, which a range cannot get wrong.
 */
export function keyPrefixFilter(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (prefix.length === 0 || last === 0xffff) return odata`key ge ${prefix}`;
  const after = prefix.slice(0, -1) + String.fromCharCode(last + 1);
  return odata`key ge ${prefix} and key lt ${after}`;
}
