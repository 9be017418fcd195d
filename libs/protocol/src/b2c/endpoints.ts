/**
 * B2C endpoint URLs (docs/b2c-ropc-protocol.md §1). Every policy is its own authorization server,
 * reachable in three URL styles: path (`/{tenant}/{policy}/...`), query
 * (`/{tenant}/...?p={policy}`) and tfp (`/tfp/{tenant}/{policy}/...`, MSAL's authority format).
 */

/** The three URL styles B2C answers. */
export type EndpointStyle = 'path' | 'query' | 'tfp';

/** The endpoints a ROPC client and a resource server use. */
export type EndpointKind = 'token' | 'discovery' | 'jwks';

/** The suffix after the tenant (and policy) segment for each endpoint kind. */
export const ENDPOINT_SUFFIXES: Readonly<Record<EndpointKind, string>> = {
  token: 'oauth2/v2.0/token',
  discovery: 'v2.0/.well-known/openid-configuration',
  jwks: 'discovery/v2.0/keys',
};

/** What {@link buildEndpointUrl} needs. */
export interface EndpointUrlOptions {
  /**
   * Scheme, host and optional base path, e.g. `https://contoso.b2clogin.com` or
   * `http://localhost:7072`.
   */
  readonly origin: string;
  /** `contoso.onmicrosoft.com` or the tenant id. */
  readonly tenant: string;
  /** `B2C_1_ROPC_Auth`; written as given. */
  readonly policy: string;
  readonly kind: EndpointKind;
  /** Default `path`. */
  readonly style?: EndpointStyle;
}

const trimSlashes = (value: string): string => value.replace(/^\/+|\/+$/g, '');

/** Builds a token, discovery or JWKS URL in the chosen style. */
export function buildEndpointUrl(options: EndpointUrlOptions): string {
  const base = options.origin.replace(/\/+$/, '');
  const tenant = encodeURIComponent(trimSlashes(options.tenant));
  const policy = encodeURIComponent(options.policy);
  const suffix = ENDPOINT_SUFFIXES[options.kind];
  switch (options.style ?? 'path') {
    case 'path':
      return `${base}/${tenant}/${policy}/${suffix}`;
    case 'query':
      return `${base}/${tenant}/${suffix}?p=${policy}`;
    case 'tfp':
      return `${base}/tfp/${tenant}/${policy}/${suffix}`;
  }
}

/** A URL taken apart by {@link parseEndpointUrl}. */
export interface ParsedEndpointUrl {
  /** Scheme and host, plus the base path that came before the tenant segment. */
  readonly origin: string;
  readonly tenant: string;
  readonly policy: string;
  readonly kind: EndpointKind;
  readonly style: EndpointStyle;
}

const KINDS = Object.entries(ENDPOINT_SUFFIXES) as [EndpointKind, string][];

/**
 * Takes a token, discovery or JWKS URL of any style apart into tenant and policy. The `p` query
 * parameter wins over a policy path segment, as B2C's own front door does. Returns undefined for
 * anything else, including a URL without a policy.
 */
export function parseEndpointUrl(url: string | URL): ParsedEndpointUrl | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  const match = KINDS.find(([, suffix]) => path.toLowerCase().endsWith(`/${suffix.toLowerCase()}`));
  if (!match) return undefined;
  const [kind, suffix] = match;
  const segments = path
    .slice(0, -(suffix.length + 1))
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  return locatePolicy(parsed, segments, kind);
}

function locatePolicy(
  url: URL,
  segments: string[],
  kind: EndpointKind,
): ParsedEndpointUrl | undefined {
  const queryPolicy = url.searchParams.get('p') ?? undefined;
  const tfpIndex = segments.findIndex((segment) => segment.toLowerCase() === 'tfp');
  const originOf = (baseSegments: string[]): string =>
    [url.origin, ...baseSegments.map(encodeURIComponent)].join('/');
  if (tfpIndex !== -1 && segments.length - tfpIndex === 3) {
    const [tenant, policy] = segments.slice(tfpIndex + 1) as [string, string];
    return {
      origin: originOf(segments.slice(0, tfpIndex)),
      tenant,
      policy: queryPolicy ?? policy,
      kind,
      style: 'tfp',
    };
  }
  if (queryPolicy !== undefined && segments.length >= 1) {
    const tenant = segments[segments.length - 1] as string;
    return {
      origin: originOf(segments.slice(0, -1)),
      tenant,
      policy: queryPolicy,
      kind,
      style: 'query',
    };
  }
  if (segments.length >= 2) {
    const [tenant, policy] = segments.slice(-2) as [string, string];
    return { origin: originOf(segments.slice(0, -2)), tenant, policy, kind, style: 'path' };
  }
  return undefined;
}

/** Policy names compare case-insensitively: B2C writes `acr` lowercased but `tfp` as configured. */
export function policyEquals(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * A policy authority, e.g. `https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_ROPC_Auth`.
 */
export interface PolicyAuthority {
  readonly origin: string;
  readonly tenant: string;
  readonly policy: string;
  readonly style: 'path' | 'tfp';
}

/**
 * Parses a policy authority (path style or MSAL's tfp style). Its discovery document is at
 * `{authority}/v2.0/.well-known/openid-configuration`. Returns undefined when it is not one.
 */
export function parseAuthority(authority: string): PolicyAuthority | undefined {
  const base = authority.replace(/\/+$/, '');
  const parsed = parseEndpointUrl(`${base}/${ENDPOINT_SUFFIXES.discovery}`);
  if (!parsed || parsed.style === 'query') return undefined;
  return {
    origin: parsed.origin,
    tenant: parsed.tenant,
    policy: parsed.policy,
    style: parsed.style,
  };
}

/** The URL of an endpoint of a policy authority, in the authority's own style. */
export function authorityEndpointUrl(authority: PolicyAuthority, kind: EndpointKind): string {
  return buildEndpointUrl({ ...authority, kind });
}

/**
 * Issuer styles of B2C's "issuer (iss) claim" token compatibility setting
 * (docs/b2c-ropc-protocol.md §1.5).
 */
export type IssuerStyle = 'tenant' | 'tfp';

/** Builds the `iss` value: `{origin}/{tenantId}/v2.0/` by default, or the tfp form. */
export function buildIssuer(
  origin: string,
  tenantId: string,
  policy: string,
  style: IssuerStyle = 'tenant',
): string {
  const base = origin.replace(/\/+$/, '');
  return style === 'tfp' ? `${base}/tfp/${tenantId}/${policy}/v2.0/` : `${base}/${tenantId}/v2.0/`;
}
