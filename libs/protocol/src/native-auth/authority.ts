/**
 * Native authentication authorities (docs/entra-native-auth-protocol.md §1.1): a tenant's API
 * lives under `https://{subdomain}.ciamlogin.com/{tenant}/`, where `{tenant}` is the tenant's
 * `{subdomain}.onmicrosoft.com` domain or its id (a GUID). An authority with no tenant segment,
 * `https://{subdomain}.ciamlogin.com/`, means the domain form, as MSAL rewrites it.
 */

/** How the authority named its tenant. */
export type NativeAuthTenantForm = 'subdomain' | 'domain' | 'tenant_id';

/** An authority taken apart by {@link parseNativeAuthAuthority}. */
export interface NativeAuthAuthority {
  /**
   * Scheme and host, plus any path before the tenant segment (an emulator may serve tenants
   * under a prefix), without a trailing slash: `https://contoso.ciamlogin.com`.
   */
  readonly origin: string;
  /** `contoso.onmicrosoft.com` or the tenant id, as written. */
  readonly tenant: string;
  readonly tenantForm: NativeAuthTenantForm;
  /** Where the endpoint paths go, with a trailing slash: `{origin}/{tenant}/`. */
  readonly baseUrl: string;
}

/** The host suffix of External ID's authorities. */
export const CIAM_HOST_SUFFIX = '.ciamlogin.com';
const TENANT_DOMAIN_SUFFIX = '.onmicrosoft.com';
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for a tenant id: a GUID in its 8-4-4-4-12 form. */
export function isTenantId(value: string): boolean {
  return TENANT_ID.test(value);
}

function parseUrl(authority: string): URL {
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    throw new TypeError('the authority is not an absolute URL');
  }
  // Plain HTTP only on loopback, where a local emulator stands in for ciamlogin.com.
  const secure = url.protocol === 'https:';
  if (!secure && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))
    throw new TypeError('the authority must use https (http only on a loopback host)');
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    throw new TypeError('the authority must not carry a query, fragment or credentials');
  return url;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new TypeError('the tenant segment of the authority is not valid percent-encoding');
  }
}

/**
 * Parses an authority in any of its three forms — `https://contoso.ciamlogin.com/`,
 * `https://contoso.ciamlogin.com/contoso.onmicrosoft.com/` or
 * `https://contoso.ciamlogin.com/{tenantId}/` — into its origin, tenant and base URL. The last
 * path segment names the tenant; segments before it stay part of the origin.
 *
 * @throws TypeError when the authority is not an https URL (http on loopback), or names no
 *   tenant and is not a `*.ciamlogin.com` host.
 */
export function parseNativeAuthAuthority(authority: string): NativeAuthAuthority {
  const url = parseUrl(authority);
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const last = segments.pop();
  let tenant: string;
  let tenantForm: NativeAuthTenantForm;
  if (last === undefined) {
    if (!url.hostname.endsWith(CIAM_HOST_SUFFIX))
      throw new TypeError('the authority names no tenant and is not a ciamlogin.com host');
    tenant = `${url.hostname.split('.')[0] ?? ''}${TENANT_DOMAIN_SUFFIX}`;
    tenantForm = 'subdomain';
  } else {
    tenant = decodeSegment(last);
    tenantForm = isTenantId(tenant) ? 'tenant_id' : 'domain';
  }
  const origin = [url.origin, ...segments].join('/');
  return { origin, tenant, tenantForm, baseUrl: `${origin}/${encodeURIComponent(tenant)}/` };
}
