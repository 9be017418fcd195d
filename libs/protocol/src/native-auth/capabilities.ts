/**
 * The `capabilities` parameter (docs/entra-native-auth-protocol.md §2.4): what else a client can
 * handle, such as `mfa_required` or `registration_required`. Microsoft's SDKs send it as
 * `capabilities`, space-separated, and only when the app configured some; the API reference names
 * it `capability`. A server should read both.
 */

/** The parameter names a server should accept, the SDKs' first. */
export const CAPABILITIES_PARAMETERS = ['capabilities', 'capability'] as const;

/** The `capabilities` field to spread into a request body: absent when there is none. */
export function capabilitiesField(capabilities: readonly string[] | undefined): {
  readonly capabilities?: string;
} {
  const joined = capabilities?.join(' ') ?? '';
  return joined === '' ? {} : { capabilities: joined };
}

/**
 * Reads a capabilities value as a server does: space- or comma-separated (one published example
 * joins them with a comma), empty values and repeats dropped.
 */
export function parseCapabilities(value: string | undefined): string[] {
  if (value === undefined) return [];
  return [...new Set(value.split(/[ ,]/).filter((capability) => capability !== ''))];
}
