import type { CookieKey } from '../config';

/**
 * Each ring key's AES-GCM `CryptoKey`, imported on first use. Handing jose raw bytes makes it
 * import them again on every seal and open; the ring's keys live as long as the process (the
 * configuration holds them), so one import each is enough. Keyed weakly by the ring entry, so a
 * ring that is dropped (tests build many) takes its keys with it.
 */
const imported = new WeakMap<CookieKey, Promise<CryptoKey>>();

/** The key the JWEs (`dir` + A256GCM) of `key` are sealed and opened with: not extractable. */
export function encryptionKeyOf(key: CookieKey): Promise<CryptoKey> {
  let cryptoKey = imported.get(key);
  if (!cryptoKey) {
    cryptoKey = crypto.subtle.importKey('raw', new Uint8Array(key.key), 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]);
    imported.set(key, cryptoKey);
  }
  return cryptoKey;
}
