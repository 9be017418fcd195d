import { hash } from 'node:crypto';

/** What the cache needs of an entry: the instant it stops being servable. */
export interface Expiring {
  /** Epoch milliseconds: the token's `exp`. */
  readonly expiresAtMs: number;
}

/**
 * Verified tokens by SHA-256 of the token, least recently used first out. Keys are hashes so the
 * cache never holds a bearer credential; an entry is never served at or after its token's `exp`
 * (tokens inside the clock tolerance go back through full validation instead).
 */
export class VerifiedTokenCache<T extends Expiring> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries: number) {}

  /** The number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** The key under which a token is cached. */
  static keyOf(token: string): string {
    // One-shot hashing: a third of the cost of a createHash() object per token.
    return hash('sha256', token, 'base64url');
  }

  /** The entry, when present and not expired at `now`; marks it most recently used. */
  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (now >= entry.expiresAtMs) return undefined;
    // Re-inserting moves the entry to the end of the Map's order: the most recently used.
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: T): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
