import type { SigningKey } from './signing-key';

/**
 * Where the tenant's signing keys live. The JWKS publishes the signing key, a pending next key
 * (published before it signs) and the previous key (tokens it signed keep verifying).
 */
export interface SigningKeyStore {
  /** The key that signs new tokens now (by the emulator's clock). */
  current(): Promise<SigningKey>;
  /** The signing key first, then a pending next key, then the previous one. */
  published(): Promise<readonly SigningKey[]>;
  /**
   * Rotates: a new key that signs after `delaySeconds` and is published from now on (0: signs at
   * once, the current key becoming the previous one). Returns the new key.
   */
  rotate(delaySeconds: number): Promise<SigningKey>;
}
