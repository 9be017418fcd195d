import { NATIVE_AUTH_ENDPOINTS, type NativeAuthEndpoint } from './endpoints';

/**
 * Builds an endpoint's URL the way MSAL's custom-auth client does
 * (docs/entra-native-auth-protocol.md §1.4): a `/` is added to the base when missing, and the
 * endpoint path is resolved against it, so it lands after any path the base already has. The base
 * is a tenant's base URL (`NativeAuthAuthority.baseUrl`) or a proxy's URL (MSAL's
 * `authApiProxyUrl`): `http://localhost:3001/api` gives `http://localhost:3001/api/oauth2/v2.0/…`.
 *
 * `query` is added to the URL (MSAL's `customAuthApiQueryParams`); a query in the base is dropped,
 * as URL resolution does.
 *
 * @throws TypeError when `baseUrl` is not an absolute URL.
 */
export function buildNativeAuthUrl(
  baseUrl: string,
  endpoint: NativeAuthEndpoint,
  query: Readonly<Record<string, string>> = {},
): string {
  let url: URL;
  try {
    url = new URL(NATIVE_AUTH_ENDPOINTS[endpoint], baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    throw new TypeError('the base URL is not an absolute URL');
  }
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}
