import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Names the key's use in the derivation, so that no other use of a token yields the same key. */
const KEY_INFO = 'b2c-emulator flow state v1';
const VERSION = 'v1';

/**
 * The key a flow is sealed under, derived from its continuation token. A table row is filed
 * under the token's SHA-256 and sealed under this key: the store can find a row by a token but
 * cannot read one without it, so a pending sign-up's username and attributes, and a code's keyed
 * hash, are never in a table in clear (README, "Shared state").
 */
function sealingKey(token: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(token, 'utf8'), Buffer.alloc(0), KEY_INFO, 32));
}

/**
 * Seals a flow's JSON with AES-256-GCM under the token's key. `binding` (the row's key) is the
 * additional data, so that a sealed flow copied into another row does not open there.
 */
export function sealFlowState(token: string, binding: string, json: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(token), iv);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const sealed = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
  const parts = [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url'));
  return [VERSION, ...parts].join('.');
}

/** The JSON {@link sealFlowState} sealed, or undefined when it does not open with this token. */
export function openFlowState(token: string, binding: string, sealed: string): string | undefined {
  const [version, iv, data, tag, ...rest] = sealed.split('.');
  if (version !== VERSION || iv === undefined || data === undefined || tag === undefined) {
    return undefined;
  }
  if (rest.length > 0) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(token), fromBase64url(iv));
    decipher.setAAD(Buffer.from(binding, 'utf8'));
    decipher.setAuthTag(fromBase64url(tag));
    return Buffer.concat([decipher.update(fromBase64url(data)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

function fromBase64url(text: string): Buffer {
  return Buffer.from(text, 'base64url');
}
