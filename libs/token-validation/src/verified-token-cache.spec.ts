import { createHash } from 'node:crypto';
import { VerifiedTokenCache } from './verified-token-cache';

describe('VerifiedTokenCache', () => {
  it('keys entries by the SHA-256 of the token, never the token itself', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln';
    expect(VerifiedTokenCache.keyOf(token)).toBe(
      createHash('sha256').update(token).digest('base64url'),
    );
  });

  it('serves an entry only before its expiry, then forgets it', () => {
    const cache = new VerifiedTokenCache<{ expiresAtMs: number; name: string }>(10);
    cache.set('k', { expiresAtMs: 1_000, name: 'a' });
    expect(cache.get('k', 999)).toEqual({ expiresAtMs: 1_000, name: 'a' });
    expect(cache.get('k', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry beyond maxEntries', () => {
    const cache = new VerifiedTokenCache<{ expiresAtMs: number }>(2);
    const entry = { expiresAtMs: Number.MAX_SAFE_INTEGER };
    cache.set('a', entry);
    cache.set('b', entry);
    cache.get('a', 0);
    cache.set('c', entry);
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0), cache.size]).toEqual([
      entry,
      undefined,
      entry,
      2,
    ]);
  });
});
