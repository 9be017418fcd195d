import { jwtVerify, type JWSHeaderParameters, type JWTVerifyOptions } from 'jose';
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

/** A verified token and what decides whether its cached verdict may still be served. */
interface Verification {
  readonly token: ValidatedToken;
  readonly expiresAtMs: number;
  readonly kid: string;
  readonly material: string;
}

/** Header parameters that carry or point at a key: a token must never choose its own key. */
const EMBEDDED_KEY_HEADERS = ['jwk', 'jku', 'x5u', 'x5c'] as const;

/**
 * Creates a validator that checks, for each token: the signature against keys from the trusted
 * authorities' JWKS only; `alg` against the allow-list; `iss` against the issuer of the authority
 * that published the key; `aud`; `exp` and `nbf` within the clock tolerance; the policy claim
 * (`tfp`, else `acr`, case-insensitive) against the authorities' policies; then the call's
 * required scopes and roles (also on a cache hit).
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

  async function verifyCached(
    tokenCache: VerifiedTokenCache<Verification>,
    token: string,
    now: number,
  ): Promise<Verification> {
    const cacheKey = VerifiedTokenCache.keyOf(token);
    const hit = tokenCache.get(cacheKey, now);
    if (hit && keyStore.isTrusted(hit.kid, hit.material, now)) return hit;
    const verification = await verify(token, now);
    tokenCache.set(cacheKey, verification);
    return verification;
  }

  return {
    async validate(token, requirements = {}) {
      assertRequirements(requirements);
      assertToken(token);
      const now = resolved.now();
      keyStore.maintain(now);
      const verification = cache ? await verifyCached(cache, token, now) : await verify(token, now);
      checkRequirements(verification.token, requirements);
      return verification.token;
    },
  };
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
    const getKey = async (header: JWSHeaderParameters): Promise<CryptoKey> => {
      key = await resolveKey(keyStore, header, now);
      return key.cryptoKey;
    };
    const result = await jwtVerify(token, getKey, { ...base, currentDate: new Date(now) }).catch(
      (error: unknown) => {
        throw mapJoseError(error);
      },
    );
    // jose resolves the key before it verifies, so a verified token always has one.
    if (key === undefined) throw new TokenValidationError('ERR_KEY_NOT_FOUND');
    return {
      token: toValidatedToken(result.payload, result.protectedHeader, key.bindings),
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
): Promise<ResolvedKey> {
  if (EMBEDDED_KEY_HEADERS.some((name) => header[name] !== undefined)) {
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

function assertToken(token: unknown): asserts token is string {
  if (typeof token !== 'string') throw new TypeError('token must be a string');
  if (token === '') throw new TokenValidationError('ERR_TOKEN_MISSING');
  if (token.length > TOKEN_VALIDATOR_DEFAULTS.maxTokenLength) {
    throw new TokenValidationError('ERR_TOKEN_MALFORMED', { detail: 'the token is too long' });
  }
}
