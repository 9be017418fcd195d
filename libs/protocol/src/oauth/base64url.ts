/** base64url (RFC 4648 §5) without padding, over UTF-8 text; standard Web APIs only. */
export function encodeBase64UrlText(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes base64url (padding optional) into UTF-8 text.
 *
 * @throws TypeError on characters outside the alphabet or invalid UTF-8.
 */
export function decodeBase64UrlText(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded)) throw new TypeError('not base64url');
  const base64 = encoded.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
