/**
 * Options of {@link createTokenValidator}. Every policy of B2C is its own authorization server
 * (docs/b2c-ropc-protocol.md §1.1), so a validator trusts a list of policy authorities, one tenant
 * authority without policies (Entra External ID, docs/entra-native-auth-protocol.md §1.3), or one
 * explicit issuer and key set for issuers without discovery. Several authorities of different
 * kinds are trusted at once by one validator each, joined by {@link createIssuerDispatcher}.
 */
import type { SignatureAlgorithm } from './signature-algorithm';
import type { TokenValidationObserver } from './token-validation-observer';

/** How the signing keys are fetched and kept. */
export interface KeyCacheOptions {
  /**
   * After any fetch of a key set, an unknown `kid` waits this long before it may cause another
   * fetch, so tokens with made-up kids cannot turn into load on the JWKS endpoint. Default 30 s.
   */
  readonly refetchCooldownMs?: number;
  /** Budget of key-set fetches after the first, over all authorities, per minute. Default 10. */
  readonly maxRefetchesPerMinute?: number;
  /**
   * How long the last good keys keep serving while their JWKS endpoint fails, counted from the
   * first failed fetch. Default 24 h.
   */
  readonly maxStaleMs?: number;
  /**
   * Age after which the key set is re-read in the background on the next validation, or `false`
   * to rely on unknown-kid refetches alone. Default 5 minutes: authorities publish a new key
   * before they sign with it, and a validator that has read it by then never turns away a token
   * for an unknown kid (B2C's docs suggest at least daily).
   */
  readonly refreshIntervalMs?: number | false;
}

/** The verified-token cache: verified results keyed by SHA-256 of the token. */
export interface VerifiedTokenCacheOptions {
  /** Least recently used entries go first beyond this. Default 10,000. */
  readonly maxEntries?: number;
}

/** Options every validator takes. */
export interface TokenValidatorBaseOptions {
  /** The API's application id (B2C's `aud` is a GUID, never the App ID URI), or several. */
  readonly audience: string | readonly string[];
  /** Allowed `alg` values; RSA only, as B2C keys are RSA. Default `['RS256']`. */
  readonly algorithms?: readonly SignatureAlgorithm[];
  /** Leeway for `exp` and `nbf`, in seconds: 0 to 300. Default 60. */
  readonly clockToleranceSeconds?: number;
  /** Epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  /** Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Per discovery or JWKS request. Default 5 s. */
  readonly timeoutMs?: number;
  readonly keys?: KeyCacheOptions;
  /** `false` turns the verified-token cache off. Default `{ maxEntries: 10_000 }`. */
  readonly cache?: false | VerifiedTokenCacheOptions;
  /**
   * A check of what only the caller knows about its issuer's tokens (say, that `tid` names the
   * issuer's tenant), run once per token after the signature, issuer, audience, lifetime, policy
   * and claim-shape checks passed (before the call's required scopes); its verdict is cached with
   * the token. It refuses by throwing a {@link TokenValidationError}; anything else it throws
   * propagates. The claims are frozen and unchecked beyond what `validate` documents.
   */
  readonly checkClaims?: (claims: Readonly<Record<string, unknown>>) => void;
  /** Told of cache lookups and key-set fetches (metrics). Default: nobody. */
  readonly observer?: TokenValidationObserver;
}

/** Trust policy authorities, found by discovery. */
export interface AuthorityTokenValidatorOptions extends TokenValidatorBaseOptions {
  /**
   * One policy authority per accepted user flow, e.g.
   * `https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_ROPC_Auth` (path or tfp style).
   * Its discovery document is `{authority}/v2.0/.well-known/openid-configuration`; the policy
   * named in it is the one accepted in `tfp`/`acr`.
   */
  readonly authorities: readonly string[];
}

/** Trust one tenant authority whose tokens name no policy, found by discovery. */
export interface TenantAuthorityTokenValidatorOptions extends TokenValidatorBaseOptions {
  /**
   * A tenant's authority on the Microsoft identity platform, e.g. Entra External ID's
   * `https://contoso.ciamlogin.com/contoso.onmicrosoft.com` (or its tenant-id form). Its discovery
   * document is `{tenantAuthority}/v2.0/.well-known/openid-configuration`, whose `issuer` and
   * `jwks_uri` are trusted; no policy claim is read.
   */
  readonly tenantAuthority: string;
}

/** Trust one issuer and key set given outright. */
export interface IssuerTokenValidatorOptions extends TokenValidatorBaseOptions {
  /** The exact `iss` value, e.g. `https://contoso.b2clogin.com/{tenantId}/v2.0/`. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** Accepted policies. Default: the policy named in a B2C `jwksUri` (TypeError when none is). */
  readonly policies?: readonly string[];
}

/**
 * Options of {@link createTokenValidator}: policy authorities, a tenant authority, or an explicit
 * issuer and key set.
 */
export type TokenValidatorOptions =
  | AuthorityTokenValidatorOptions
  | TenantAuthorityTokenValidatorOptions
  | IssuerTokenValidatorOptions;

/** Defaults and bounds of the options. */
export const TOKEN_VALIDATOR_DEFAULTS = {
  algorithms: ['RS256'] as readonly SignatureAlgorithm[],
  clockToleranceSeconds: 60,
  maxClockToleranceSeconds: 300,
  timeoutMs: 5_000,
  refetchCooldownMs: 30_000,
  maxRefetchesPerMinute: 10,
  maxStaleMs: 24 * 60 * 60 * 1000,
  refreshIntervalMs: 5 * 60 * 1000,
  cacheMaxEntries: 10_000,
  /** Longer tokens are refused before any parsing. */
  maxTokenLength: 8_192,
} as const;
