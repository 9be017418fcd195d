/**
 * The JWS algorithms a validator may allow (RFC 7518 §3). Only RSA signatures: B2C publishes RSA
 * keys alone (docs/b2c-ropc-protocol.md §1.4), and leaving out `none` and the HMAC family means a
 * public key can never be used as a shared secret.
 */
export type SignatureAlgorithm = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512';

/** Every {@link SignatureAlgorithm}. */
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
];

/** True for an algorithm this library can allow. */
export function isSignatureAlgorithm(value: unknown): value is SignatureAlgorithm {
  return SIGNATURE_ALGORITHMS.includes(value as SignatureAlgorithm);
}
