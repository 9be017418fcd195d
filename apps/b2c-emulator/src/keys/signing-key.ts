import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { B2CJsonWebKey } from '@ropc/protocol';

/** An RS256 signing key, imported once and kept ready to sign. */
export interface SigningKey {
  /** A 43-character base64url JWK thumbprint, the shape of B2C's custom-policy kids. */
  readonly kid: string;
  /** Epoch seconds from which the key signs. */
  readonly nbf: number;
  readonly privateKey: CryptoKey;
  /** The public half exactly as B2C publishes it: kid, nbf, use, kty, e, n. */
  readonly jwk: B2CJsonWebKey;
}

/** A key as persisted: the private JWK plus its nbf. */
export interface StoredSigningKey {
  readonly nbf: number;
  readonly privateJwk: JWK;
}

/** Generates a fresh RSA-2048 key pair for RS256. */
export async function generateStoredSigningKey(nbf: number): Promise<StoredSigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return { nbf, privateJwk: await exportJWK(privateKey) };
}

/** Imports a stored key for signing and derives its published JWK. */
export async function importSigningKey(stored: StoredSigningKey): Promise<SigningKey> {
  const { n, e } = stored.privateJwk;
  if (stored.privateJwk.kty !== 'RSA' || !n || !e || !stored.privateJwk.d) {
    throw new TypeError('a stored signing key must be a private RSA JWK');
  }
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n, e });
  const privateKey = await importJWK(stored.privateJwk, 'RS256');
  if (!(privateKey instanceof CryptoKey))
    throw new TypeError('the signing key did not import as a CryptoKey');
  return {
    kid,
    nbf: stored.nbf,
    privateKey,
    jwk: { kid, nbf: stored.nbf, use: 'sig', kty: 'RSA', e, n },
  };
}

/**
 * The keys a tenant has: the one that signs, the previous one (tokens it signed still verify) and,
 * after a rotation with a delay, the next one — published before it signs, as real authorities
 * do, so that validators that refresh their key sets know it before the first token it signs.
 */
export interface SigningKeySet {
  readonly current: SigningKey;
  readonly previous?: SigningKey;
  /** Signs from its `nbf` (epoch seconds) on; published from the rotation. */
  readonly next?: SigningKey;
}

/** A key set as persisted. */
export interface StoredSigningKeySet {
  readonly current: StoredSigningKey;
  readonly previous?: StoredSigningKey;
  readonly next?: StoredSigningKey;
}

/** Imports the keys of a stored set. */
export async function importSigningKeySet(stored: StoredSigningKeySet): Promise<SigningKeySet> {
  const [current, previous, next] = await Promise.all([
    importSigningKey(stored.current),
    stored.previous && importSigningKey(stored.previous),
    stored.next && importSigningKey(stored.next),
  ]);
  return { current, ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/**
 * The set as it stands at `nowSeconds`: a next key whose time has come is the current one, and
 * the key it replaces the previous one. Works on stored and on imported sets alike.
 */
export function keySetAt<K extends { readonly nbf: number }>(
  set: { readonly current: K; readonly previous?: K; readonly next?: K },
  nowSeconds: number,
): { readonly current: K; readonly previous?: K; readonly next?: K } {
  if (!set.next || set.next.nbf > nowSeconds) return set;
  return { current: set.next, previous: set.current };
}

/** The keys the JWKS publishes, the signing one first: current, next (pending), previous. */
export function publishedKeys(set: SigningKeySet, nowSeconds: number): readonly SigningKey[] {
  const { current, previous, next } = keySetAt(set, nowSeconds);
  return [current, ...(next ? [next] : []), ...(previous ? [previous] : [])];
}

/**
 * The stored set after a rotation at `nowSeconds`: a new key that signs after `delaySeconds`
 * (published at once), or at once with a delay of 0. A pending next key that never signed is
 * replaced.
 */
export async function rotatedKeySet(
  stored: StoredSigningKeySet,
  nowSeconds: number,
  delaySeconds: number,
): Promise<StoredSigningKeySet> {
  const { current, previous } = keySetAt(stored, nowSeconds);
  const key = await generateStoredSigningKey(nowSeconds + delaySeconds);
  if (delaySeconds === 0) return { current: key, previous: current };
  return { current, ...(previous ? { previous } : {}), next: key };
}
