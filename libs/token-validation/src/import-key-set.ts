import { importJWK } from 'jose';
import type { B2CJsonWebKey } from '@ropc/protocol';
import type { SignatureAlgorithm } from './signature-algorithm';

/**
 * A signing key from a JWKS, imported once per allowed algorithm so verifying a token never
 * imports a key.
 */
export interface TrustedKey {
  readonly kid: string;
  /** `n` and `e`: tells the same key published twice from a different key under the same kid. */
  readonly material: string;
  /** Only algorithms the key may serve: those allowed, narrowed by the key's own `alg`. */
  readonly cryptoKeys: ReadonlyMap<SignatureAlgorithm, CryptoKey>;
}

/** The members of a JWKS entry this library reads. B2C sends exactly `kid, nbf, use, kty, e, n`. */
type RsaSigningKey = Pick<B2CJsonWebKey, 'kid' | 'kty' | 'n' | 'e'> & {
  readonly use?: string;
  readonly alg?: string;
};

/** More keys than any issuer publishes during a rotation; a bound on work per fetch. */
const MAX_KEYS = 50;
/** RFC 7518 §3.3 asks for 2048 bits at least; jose refuses smaller keys at verify time. */
const MIN_MODULUS_BITS = 2048;

/**
 * Imports the RSA signing keys of a JWKS (RFC 7517 §5) by `kid`. Entries that cannot serve —
 * another key type, `use` other than `sig`, no `kid`, a short modulus, a duplicate kid — are
 * skipped rather than failing the set. Keys unchanged since `previous` are reused as they are.
 * Throws when the document is no key set or has no usable key, so last good keys stay in use.
 */
export async function importKeySet(
  value: unknown,
  algorithms: readonly SignatureAlgorithm[],
  previous: ReadonlyMap<string, TrustedKey>,
): Promise<Map<string, TrustedKey>> {
  const entries = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(entries)) throw new Error('JWKS has no keys array');
  const candidates = new Map<string, RsaSigningKey>();
  for (const entry of entries as unknown[]) {
    if (candidates.size === MAX_KEYS) break;
    if (isRsaSigningKey(entry) && !candidates.has(entry.kid)) candidates.set(entry.kid, entry);
  }
  const imported = await Promise.all(
    [...candidates.values()].map(async (jwk) => {
      const material = `${jwk.n}.${jwk.e}`;
      const known = previous.get(jwk.kid);
      return known?.material === material ? known : importTrustedKey(jwk, material, algorithms);
    }),
  );
  const keys = new Map<string, TrustedKey>();
  for (const key of imported) if (key) keys.set(key.kid, key);
  if (keys.size === 0) throw new Error('JWKS holds no usable signing key');
  return keys;
}

async function importTrustedKey(
  jwk: RsaSigningKey,
  material: string,
  algorithms: readonly SignatureAlgorithm[],
): Promise<TrustedKey | undefined> {
  const cryptoKeys = new Map<SignatureAlgorithm, CryptoKey>();
  const usable = algorithms.filter((alg) => jwk.alg === undefined || jwk.alg === alg);
  try {
    for (const alg of usable) {
      // Only the public members: whatever else the entry carries is never key material.
      const key = await importJWK({ kty: 'RSA', n: jwk.n, e: jwk.e }, alg);
      if (key instanceof Uint8Array || modulusBits(key) < MIN_MODULUS_BITS) return undefined;
      cryptoKeys.set(alg, key);
    }
  } catch {
    return undefined;
  }
  return cryptoKeys.size === 0 ? undefined : { kid: jwk.kid, material, cryptoKeys };
}

function modulusBits(key: CryptoKey): number {
  return (key.algorithm as Partial<RsaHashedKeyAlgorithm>).modulusLength ?? 0;
}

function isRsaSigningKey(value: unknown): value is RsaSigningKey {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return (
    jwk['kty'] === 'RSA' &&
    typeof jwk['kid'] === 'string' &&
    jwk['kid'] !== '' &&
    typeof jwk['n'] === 'string' &&
    typeof jwk['e'] === 'string' &&
    (jwk['use'] === undefined || jwk['use'] === 'sig') &&
    (jwk['alg'] === undefined || typeof jwk['alg'] === 'string')
  );
}
