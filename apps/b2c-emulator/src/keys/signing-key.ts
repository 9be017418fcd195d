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

/** The keys a tenant publishes: the current one and, after a rotation, the previous one. */
export interface SigningKeySet {
  readonly current: SigningKey;
  readonly previous?: SigningKey;
}

/** A key set as persisted. */
export interface StoredSigningKeySet {
  readonly current: StoredSigningKey;
  readonly previous?: StoredSigningKey;
}

/** Imports both keys of a stored set. */
export async function importSigningKeySet(stored: StoredSigningKeySet): Promise<SigningKeySet> {
  const current = await importSigningKey(stored.current);
  return stored.previous
    ? { current, previous: await importSigningKey(stored.previous) }
    : { current };
}
