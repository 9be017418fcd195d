import { DOCUMENT, Injectable, inject } from '@angular/core';
import { AuthConfigHolder } from './auth-config-holder';
import type { ResolvedRopcAuthConfig } from './ropc-auth-config';

/** An origin plus a path prefix, both resolved. */
interface UrlPrefix {
  readonly origin: string;
  readonly path: string;
}

interface Rules {
  readonly baseUri: string;
  readonly config: ResolvedRopcAuthConfig;
  readonly allowed: readonly UrlPrefix[];
  readonly denied: UrlPrefix | undefined;
}

function resolve(url: string, base: string): URL | undefined {
  try {
    const resolved = new URL(url, base);
    return /^https?:$/.test(resolved.protocol) ? resolved : undefined;
  } catch {
    return undefined;
  }
}

/** `/api` covers `/api` and `/api/...` but not `/apis`; `/api/` covers `/api/...`. */
function isUnder(url: URL, prefix: UrlPrefix): boolean {
  if (url.origin !== prefix.origin) return false;
  const path = url.pathname;
  const directory = prefix.path.endsWith('/') ? prefix.path : `${prefix.path}/`;
  return path === prefix.path || path.startsWith(directory);
}

function buildRules(config: ResolvedRopcAuthConfig, baseUri: string): Rules {
  const allowed: UrlPrefix[] = [];
  for (const resource of config.protectedResources) {
    const url = resolve(resource.url, baseUri);
    if (url) allowed.push({ origin: url.origin, path: url.pathname });
  }
  // The token endpoint's folder: the proxy's /api/auth/ (token, refresh, sign-out), or the
  // authority's .../oauth2/v2.0/ in direct mode. A bearer token never goes there.
  const tokenEndpoint = resolve(config.tokenEndpoint, baseUri);
  const folder = tokenEndpoint ? new URL('./', tokenEndpoint) : undefined;
  const denied = folder ? { origin: folder.origin, path: folder.pathname } : undefined;
  return { baseUri, config, allowed, denied };
}

/**
 * Decides which request URLs get the access token: deny by default; allow only an exact origin
 * plus path prefix of a configured protected resource, and never the auth endpoints. Relative
 * URLs resolve against `document.baseURI`, read on first use (not at injection).
 */
@Injectable({ providedIn: 'root' })
export class ProtectedResources {
  private readonly document = inject(DOCUMENT);
  private readonly configHolder = inject(AuthConfigHolder);
  private rules: Rules | undefined;

  /** True when `url` (as given to `HttpClient`) may carry the access token. */
  matches(url: string): boolean {
    const rules = this.currentRules();
    if (!rules) return false;
    const target = resolve(url, rules.baseUri);
    if (!target || (rules.denied && isUnder(target, rules.denied))) return false;
    return rules.allowed.some((prefix) => isUnder(target, prefix));
  }

  private currentRules(): Rules | undefined {
    const config = this.configHolder.peek();
    if (!config) return undefined; // not configured yet: nothing is protected, nothing is sent
    const baseUri = this.document.baseURI;
    if (this.rules?.config !== config || this.rules.baseUri !== baseUri) {
      this.rules = buildRules(config, baseUri);
    }
    return this.rules;
  }
}
