import {
  jwtVerify,
  type JWSHeaderParameters,
  type JWTVerifyOptions,
  type JWTVerifyResult,
} from 'jose';
import { assertRequirements, checkRequirements } from './check-requirements';
import { KeyStore, type ResolvedKey } from './key-store';
import { mapJoseError } from './map-jose-error';
import {
  resolveTokenValidatorOptions,
  type ResolvedTokenValidatorOptions,
} from './resolve-token-validator-options';
import { isSignatureAlgorithm } from './signature-algorithm';
import { TokenValidationError } from './token-validation-error';
import { TOKEN_VALIDATOR_DEFAULTS, type TokenValidatorOptions } from './token-validator-options';
import { notify } from './token-validation-observer';
import { toValidatedToken, type TokenRequirements, type ValidatedToken } from './validated-token';
import { VerifiedTokenCache } from './verified-token-cache';

/** Validates B2C access tokens for one API. Create one per process and share it. */
export interface TokenValidator {
  /**
   * Resolves to the validated token, or rejects with a {@link TokenValidationError}; a token that
   * is not a string, or malformed requirements, throw TypeError.
   */
  validate(token: string, requirements?: TokenRequirements): Promise<ValidatedToken>;
}

/**
 * What an issuer dispatcher needs to know of a validator made by {@link createTokenValidator}:
 * which issuers its authorities have, learnt from their discovery documents.
 */
export interface IssuerIndex {
  /** True when one of the validator's authorities has this issuer. No I/O. */
  trusts(issuer: string): boolean;
  /** True once every authority's issuer is known. */
  settled(): boolean;
  /** Reads the metadata of authorities whose issuer is unknown, within the refetch rules. */
  settle(): Promise<void>;
  /** `ERR_METADATA_UNAVAILABLE` for the authorities whose issuer is still unknown. */
  unavailable(): TokenValidationError;
}

const issuerIndexes = new WeakMap<TokenValidator, IssuerIndex>();

/** The issuer index of a validator made by {@link createTokenValidator}; else undefined. */
export function issuerIndexOf(validator: TokenValidator): IssuerIndex | undefined {
  return issuerIndexes.get(validator);
}

/** A verified token and what decides whether its cached verdict may still be served. */
interface Verification {
  readonly token: ValidatedToken;
  readonly expiresAtMs: number;
  readonly kid: string;
  readonly material: string;
}

/**
 * Creates a validator that checks, for each token: the signature against keys from the trusted
 * authorities' JWKS only; `alg` against the allow-list; `iss` against the issuer of the authority
 * that published the key; `aud`; `exp` and `nbf` within the clock tolerance; the policy claim
 * (`tfp`, else `acr`, case-insensitive) against the authorities' policies, unless they have none;
 * the `checkClaims` option; then the call's required scopes and roles (also on a cache hit).
 *
 * Discovery and keys are fetched on first use, not here. Bad options throw TypeError.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const resolved = resolveTokenValidatorOptions(options);
  const keyStore = new KeyStore(resolved.sources, resolved, resolved.keys);
  const verify = createVerifier(resolved, keyStore);
  const cache =
    resolved.cacheMaxEntries > 0
      ? new VerifiedTokenCache<Verification>(resolved.cacheMaxEntries)
      : undefined;

  /** A cached verdict, while its token has not expired and its key is still published. */
  function cachedVerification(cacheKey: string, now: number): Verification | undefined {
    const hit = cache?.get(cacheKey, now);
    return hit && keyStore.isTrusted(hit.kid, hit.material, now) ? hit : undefined;
  }

  const validator: TokenValidator = {
    async validate(token, requirements = {}) {
      assertRequirements(requirements);
      assertToken(token);
      const now = resolved.now();
      keyStore.maintain(now);
      const cacheKey = cache && VerifiedTokenCache.keyOf(token);
      let verification = cacheKey && cachedVerification(cacheKey, now);
      if (cacheKey) notify(resolved.observer.cacheLookup, verification !== undefined);
      if (!verification) {
        verification = await verify(token, now);
        if (cacheKey) cache.set(cacheKey, verification);
      }
      checkRequirements(verification.token, requirements);
      return verification.token;
    },
  };
  issuerIndexes.set(validator, {
    trusts: (issuer) => keyStore.hasIssuer(issuer),
    settled: () => keyStore.issuersKnown(),
    settle: () => keyStore.loadIssuers(resolved.now()),
    unavailable: () => keyStore.issuersUnavailable(resolved.now()),
  });
  return validator;
}

/** One jose `jwtVerify` per token, with keys resolved by `kid` from the key store. */
function createVerifier(
  resolved: ResolvedTokenValidatorOptions,
  keyStore: KeyStore,
): (token: string, now: number) => Promise<Verification> {
  const base: JWTVerifyOptions = {
    algorithms: resolved.algorithms,
    audience: resolved.audience,
    clockTolerance: resolved.clockToleranceSeconds,
    requiredClaims: ['exp'],
  };
  return async (token, now) => {
    let key: ResolvedKey | undefined;
    // Synchronous for a cached kid, so jose's key lookup costs no extra promise.
    const getKey = (header: JWSHeaderParameters): CryptoKey | Promise<CryptoKey> => {
      const found = resolveKey(keyStore, header, now);
      if (!(found instanceof Promise)) return (key = found).cryptoKey;
      return found.then((resolvedKey) => (key = resolvedKey).cryptoKey);
    };
    let result: JWTVerifyResult;
    try {
      result = await jwtVerify(token, getKey, { ...base, currentDate: new Date(now) });
    } catch (error) {
      throw mapJoseError(error);
    }
    // jose resolves the key before it verifies, so a verified token always has one.
    if (key === undefined) throw new TokenValidationError('ERR_KEY_NOT_FOUND');
    return {
      token: toValidatedToken(
        result.payload,
        result.protectedHeader,
        key.bindings,
        resolved.checkClaims,
      ),
      expiresAtMs: (result.payload.exp ?? 0) * 1000,
      kid: key.key.kid,
      material: key.key.material,
    };
  };
}

function resolveKey(
  keyStore: KeyStore,
  header: JWSHeaderParameters,
  now: number,
): ResolvedKey | Promise<ResolvedKey> {
  // Named reads, not a loop over names: this runs for every token.
  if (
    header.jwk !== undefined ||
    header.jku !== undefined ||
    header.x5u !== undefined ||
    header.x5c !== undefined
  ) {
    throw new TokenValidationError('ERR_TOKEN_MALFORMED', {
      detail: 'the header carries or points at a key',
    });
  }
  const { kid, alg } = header;
  if (typeof kid !== 'string' || kid === '') {
    throw new TokenValidationError('ERR_TOKEN_MALFORMED', { detail: 'the header has no kid' });
  }
  // jose has already held alg to the allow-list; this narrows the type.
  if (!isSignatureAlgorithm(alg)) throw new TokenValidationError('ERR_ALGORITHM_NOT_ALLOWED');
  return keyStore.resolve(kid, alg, now);
}

/** A token `validate` may look at: a string, not empty, not over the length bound. */
export function assertToken(token: unknown): asserts token is string {
  if (typeof token !== 'string') throw new TypeError('token must be a string');
  if (token === '') throw new TokenValidationError('ERR_TOKEN_MISSING');
  if (token.length > TOKEN_VALIDATOR_DEFAULTS.maxTokenLength) {
    throw new TokenValidationError('ERR_TOKEN_MALFORMED', { detail: 'the token is too long' });
  }
}
