import type { SigningKey } from './signing-key';

/**
 * Where the tenant's signing keys live. The JWKS publishes the current and the previous key, so
 * tokens signed just before a rotation keep verifying.
 */
export interface SigningKeyStore {
  /** The key that signs new tokens. */
  current(): Promise<SigningKey>;
  /** Current first, then the previous key if there is one. */
  published(): Promise<readonly SigningKey[]>;
  /** Makes a new key current and the current one previous; returns the new key. */
  rotate(): Promise<SigningKey>;
}
