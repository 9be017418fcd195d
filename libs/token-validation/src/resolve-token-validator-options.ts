import { authorityEndpointUrl, parseAuthority, parseEndpointUrl } from '@ropc/protocol';
import { isSignatureAlgorithm, type SignatureAlgorithm } from './signature-algorithm';
import {
  TOKEN_VALIDATOR_DEFAULTS as DEFAULTS,
  type IssuerTokenValidatorOptions,
  type KeyCacheOptions,
  type TokenValidatorOptions,
} from './token-validator-options';
import type { TokenValidationObserver } from './token-validation-observer';

/**
 * Where one trusted authority's issuer and keys come from, and the policies it may name
 * (`undefined`: its tokens name none, and no policy claim is read).
 */
export type KeySourceConfig =
  | {
      readonly kind: 'discovery';
      readonly discoveryUrl: string;
      readonly policies: readonly string[] | undefined;
    }
  | {
      readonly kind: 'explicit';
      readonly issuer: string;
      readonly jwksUri: string;
      readonly policies: readonly string[];
    };

/** {@link KeyCacheOptions} with every default applied. */
export interface ResolvedKeyCacheOptions {
  readonly refetchCooldownMs: number;
  readonly maxRefetchesPerMinute: number;
  readonly maxStaleMs: number;
  readonly refreshIntervalMs: number | false;
}

/** {@link TokenValidatorOptions} checked, with every default applied. */
export interface ResolvedTokenValidatorOptions {
  readonly sources: readonly KeySourceConfig[];
  readonly audience: string | string[];
  readonly algorithms: SignatureAlgorithm[];
  readonly clockToleranceSeconds: number;
  readonly now: () => number;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly keys: ResolvedKeyCacheOptions;
  /** 0 when the verified-token cache is off. */
  readonly cacheMaxEntries: number;
  readonly checkClaims: ((claims: Readonly<Record<string, unknown>>) => void) | undefined;
  readonly observer: TokenValidationObserver;
}

/** Checks the options once, at creation: misuse throws TypeError rather than failing per token. */
export function resolveTokenValidatorOptions(
  options: TokenValidatorOptions,
): ResolvedTokenValidatorOptions {
  // A JavaScript caller may pass anything.
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new TypeError('options must be an object');
  }
  const cache = options.cache ?? {};
  return {
    sources: resolveSources(options),
    audience: resolveAudience(options.audience),
    algorithms: resolveAlgorithms(options.algorithms ?? DEFAULTS.algorithms),
    clockToleranceSeconds: bounded(
      'clockToleranceSeconds',
      options.clockToleranceSeconds ?? DEFAULTS.clockToleranceSeconds,
      0,
      DEFAULTS.maxClockToleranceSeconds,
    ),
    now: functionOption('now', options.now) ?? Date.now,
    fetch: functionOption('fetch', options.fetch) ?? fetch,
    timeoutMs: bounded('timeoutMs', options.timeoutMs ?? DEFAULTS.timeoutMs, 1, 60_000),
    keys: resolveKeyCache(options.keys ?? {}),
    cacheMaxEntries:
      cache === false
        ? 0
        : integer('cache.maxEntries', cache.maxEntries ?? DEFAULTS.cacheMaxEntries, 1),
    checkClaims: functionOption('checkClaims', options.checkClaims),
    observer: resolveObserver(options.observer),
  };
}

function resolveSources(options: TokenValidatorOptions): KeySourceConfig[] {
  const hasAuthorities = 'authorities' in options;
  const hasIssuer = 'issuer' in options || 'jwksUri' in options;
  if ('tenantAuthority' in options) {
    if (hasAuthorities || hasIssuer) {
      throw new TypeError('give tenantAuthority alone, without authorities, issuer or jwksUri');
    }
    return [resolveTenantSource(options.tenantAuthority)];
  }
  if (hasAuthorities === hasIssuer) {
    throw new TypeError('give either authorities, or issuer and jwksUri');
  }
  if (!hasAuthorities) return [resolveExplicitSource(options)];
  const { authorities } = options;
  if (!Array.isArray(authorities) || authorities.length === 0) {
    throw new TypeError('authorities must be a non-empty array');
  }
  const sources = authorities.map((authority: unknown): KeySourceConfig => {
    const parsed = typeof authority === 'string' ? parseAuthority(authority) : undefined;
    if (!parsed || !isHttpUrl(parsed.origin)) {
      throw new TypeError('each authority must be a B2C policy authority URL');
    }
    const discoveryUrl = authorityEndpointUrl(parsed, 'discovery');
    return { kind: 'discovery', discoveryUrl, policies: [parsed.policy] };
  });
  const unique = new Map(sources.map((source) => [JSON.stringify(source), source]));
  return [...unique.values()];
}

/** A tenant authority: discovery at `{authority}/v2.0/.well-known/openid-configuration`. */
function resolveTenantSource(tenantAuthority: unknown): KeySourceConfig {
  const authority = typeof tenantAuthority === 'string' ? tenantAuthority.replace(/\/+$/, '') : '';
  if (!isHttpUrl(authority) || /[?#]/.test(authority) || new URL(authority).pathname === '/') {
    throw new TypeError(
      'tenantAuthority must be an http(s) URL naming a tenant, without query or fragment',
    );
  }
  const discoveryUrl = `${authority}/v2.0/.well-known/openid-configuration`;
  return { kind: 'discovery', discoveryUrl, policies: undefined };
}

function resolveExplicitSource(options: IssuerTokenValidatorOptions): KeySourceConfig {
  const { issuer, jwksUri } = options;
  if (typeof issuer !== 'string' || issuer === '') {
    throw new TypeError('issuer must be a non-empty string');
  }
  if (typeof jwksUri !== 'string' || !isHttpUrl(jwksUri)) {
    throw new TypeError('jwksUri must be an http(s) URL');
  }
  const named = parseEndpointUrl(jwksUri);
  const policies = options.policies ?? (named?.kind === 'jwks' ? [named.policy] : undefined);
  if (!policies) throw new TypeError('policies is required when jwksUri names no B2C policy');
  if (!nonEmptyStrings(policies)) throw new TypeError('policies must be non-empty strings');
  return { kind: 'explicit', issuer, jwksUri, policies: [...policies] };
}

function resolveAudience(audience: unknown): string | string[] {
  if (typeof audience === 'string' && audience !== '') return audience;
  if (nonEmptyStrings(audience)) return [...audience];
  throw new TypeError('audience must be a non-empty string or a non-empty array of them');
}

function resolveAlgorithms(algorithms: readonly unknown[]): SignatureAlgorithm[] {
  if (!Array.isArray(algorithms) || algorithms.length === 0) {
    throw new TypeError('algorithms must be a non-empty array');
  }
  if (!algorithms.every(isSignatureAlgorithm)) {
    throw new TypeError('algorithms may hold RS256, RS384, RS512, PS256, PS384, PS512 only');
  }
  return [...new Set(algorithms)];
}

function resolveKeyCache(keys: KeyCacheOptions): ResolvedKeyCacheOptions {
  const refresh = keys.refreshIntervalMs ?? DEFAULTS.refreshIntervalMs;
  return {
    refetchCooldownMs: integer(
      'keys.refetchCooldownMs',
      keys.refetchCooldownMs ?? DEFAULTS.refetchCooldownMs,
      0,
    ),
    maxRefetchesPerMinute: integer(
      'keys.maxRefetchesPerMinute',
      keys.maxRefetchesPerMinute ?? DEFAULTS.maxRefetchesPerMinute,
      1,
    ),
    maxStaleMs: integer('keys.maxStaleMs', keys.maxStaleMs ?? DEFAULTS.maxStaleMs, 0),
    refreshIntervalMs: refresh === false ? false : integer('keys.refreshIntervalMs', refresh, 1),
  };
}

function bounded(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new TypeError(`${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

function integer(name: string, value: unknown, min: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    throw new TypeError(`${name} must be an integer of at least ${min}`);
  }
  return value as number;
}

function resolveObserver(observer: TokenValidationObserver | undefined): TokenValidationObserver {
  if (observer === undefined) return {};
  if (typeof observer !== 'object' || (observer as unknown) === null)
    throw new TypeError('observer must be an object');
  return {
    cacheLookup: functionOption('observer.cacheLookup', observer.cacheLookup),
    keySetFetched: functionOption('observer.keySetFetched', observer.keySetFetched),
  };
}

function functionOption<T>(name: string, value: T | undefined): T | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(`${name} must be a function`);
  }
  return value;
}

function nonEmptyStrings(value: unknown): value is readonly string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === 'string' && item !== '')
  );
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
