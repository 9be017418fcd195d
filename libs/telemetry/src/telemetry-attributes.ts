/**
 * The names of the attributes the apps put on spans and metric points. Values are always from
 * a closed set (an outcome, a reason, an error code, an endpoint name) or a keyed pseudonym, so a
 * dashboard can group by them and no value can carry what a client typed.
 */
export const TELEMETRY_ATTRIBUTES = {
  /** `b2c` or `external-id`: which kind of authority a call concerns. */
  authorityKind: 'ropc.authority.kind',
  /** How a sign-in, refresh or grant ended (see {@link SignInOutcome}). */
  outcome: 'ropc.outcome',
  /** Why the proxy refused an attempt itself (`RefusalCause` of the API). */
  refusalReason: 'ropc.refusal.reason',
  /** The authority's error code: `AADB2C90225`, or a native-auth `error[/suberror]`. */
  errorCode: 'ropc.error_code',
  /** `password`, `refresh_token`, `oob`, `continuation_token`, or `other`. */
  grantType: 'ropc.grant_type',
  /** The authority endpoint a proxy called: `token`, `initiate`, `challenge`, … or `other`. */
  upstreamEndpoint: 'ropc.upstream.endpoint',
  /** `hit` or `miss` of the verified-token cache. */
  cacheResult: 'ropc.cache.result',
  /** `success` or `failure` of a signing-key (JWKS) fetch. */
  fetchResult: 'ropc.fetch.result',
  /** `valid`, or the token-validation error code (`ERR_TOKEN_EXPIRED`, …). */
  validationResult: 'ropc.token_validation.result',
  /**
   * The account: HMAC-SHA-256 of the normalised username under `TELEMETRY_HASH_KEY`, hex. Absent
   * when no key is configured.
   */
  account: 'enduser.pseudo.id',
} as const;

/** The kinds of authority, as the API names them. */
export type AuthorityKind = 'b2c' | 'external-id';

/**
 * How a sign-in or refresh ended, as the proxy saw it: tokens (`success`); the authority refused
 * the credential or grant (`rejected`), locked the account (`locked`) or throttled us
 * (`throttled`); the proxy refused before forwarding (`refused_by_proxy`); the authority could
 * not be reached (`unreachable`) or answered nonsense (`failed`).
 */
export type SignInOutcome =
  'success' | 'rejected' | 'locked' | 'throttled' | 'refused_by_proxy' | 'unreachable' | 'failed';
