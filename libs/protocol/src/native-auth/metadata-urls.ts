import { isTenantId, parseNativeAuthAuthority, type NativeAuthAuthority } from './authority';

/**
 * URLs a resource server needs to validate External ID tokens (docs/entra-native-auth-protocol.md
 * §1.3). A native-auth client never fetches them: MSAL's custom-auth client skips discovery.
 */

const authorityOf = (authority: NativeAuthAuthority | string): NativeAuthAuthority =>
  typeof authority === 'string' ? parseNativeAuthAuthority(authority) : authority;

/**
 * The OpenID Connect discovery document of a tenant:
 * `{baseUrl}v2.0/.well-known/openid-configuration`. Both tenant forms answer; the document names
 * its endpoints with the tenant id.
 *
 * @throws TypeError for an authority {@link parseNativeAuthAuthority} refuses.
 */
export function buildNativeAuthDiscoveryUrl(authority: NativeAuthAuthority | string): string {
  return `${authorityOf(authority).baseUrl}v2.0/.well-known/openid-configuration`;
}

/**
 * The tenant's signing keys: `{baseUrl}discovery/v2.0/keys`. Discovery gives this URL with the
 * tenant id; prefer its `jwks_uri` when a discovery document is at hand.
 *
 * @throws TypeError for an authority {@link parseNativeAuthAuthority} refuses.
 */
export function buildNativeAuthJwksUrl(authority: NativeAuthAuthority | string): string {
  return `${authorityOf(authority).baseUrl}discovery/v2.0/keys`;
}

/** Options of {@link buildNativeAuthIssuer}. */
export interface NativeAuthIssuerOptions {
  /**
   * Scheme and host of an issuer that is not External ID's, such as a local emulator's
   * (`http://localhost:7072`): the issuer becomes `{origin}/{tenantId}/v2.0`.
   */
  readonly origin?: string;
}

/**
 * The `iss` of External ID's v2.0 tokens: `https://{tenantId}.ciamlogin.com/{tenantId}/v2.0` —
 * the host is the tenant id, not the subdomain, and there is no trailing slash. With `origin`,
 * `{origin}/{tenantId}/v2.0` (the form tokens issued before the CIAM issuer split had with
 * `https://login.microsoftonline.com`).
 *
 * @throws TypeError when `tenantId` is not a GUID.
 */
export function buildNativeAuthIssuer(
  tenantId: string,
  options: NativeAuthIssuerOptions = {},
): string {
  if (!isTenantId(tenantId)) throw new TypeError('the tenant id must be a GUID');
  const origin = options.origin?.replace(/\/+$/, '') ?? `https://${tenantId}.ciamlogin.com`;
  return `${origin}/${tenantId}/v2.0`;
}
