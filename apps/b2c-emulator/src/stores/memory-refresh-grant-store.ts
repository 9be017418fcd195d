import {
  tokenRetainedUntil,
  type FoundRefreshGrant,
  type RefreshGrantFamily,
  type RefreshGrantStore,
  type RefreshTokenKey,
  type RefreshTokenRecord,
  type RotateOutcome,
} from './refresh-grant-store';

/** Refresh grants in process memory, swept by the cleanup timer. */
export class MemoryRefreshGrantStore implements RefreshGrantStore {
  private readonly families = new Map<string, RefreshGrantFamily>();
  private readonly tokens = new Map<string, RefreshTokenRecord>();

  createFamily(family: RefreshGrantFamily, first: RefreshTokenRecord): Promise<void> {
    this.families.set(family.id, family);
    this.tokens.set(first.hash, first);
    return Promise.resolve();
  }

  find(key: RefreshTokenKey): Promise<FoundRefreshGrant | undefined> {
    const token = this.tokenOf(key);
    const family = token && this.families.get(token.familyId);
    return Promise.resolve(token && family ? { token, family } : undefined);
  }

  rotate(key: RefreshTokenKey, successor: RefreshTokenRecord, at: number): Promise<RotateOutcome> {
    const token = this.tokenOf(key);
    if (!token) return Promise.reject(new Error('rotate: unknown refresh token'));
    if (token.rotatedAt !== undefined) {
      return Promise.resolve({ outcome: 'already_rotated', rotatedAt: token.rotatedAt });
    }
    this.tokens.set(key.hash, { ...token, rotatedAt: at });
    if (!this.tokens.has(successor.hash)) this.tokens.set(successor.hash, successor);
    return Promise.resolve({ outcome: 'rotated' });
  }

  revokeFamily(familyId: string): Promise<void> {
    const family = this.families.get(familyId);
    if (family) this.families.set(familyId, { ...family, revoked: true });
    return Promise.resolve();
  }

  deleteExpired(now: number): Promise<number> {
    let deleted = 0;
    const liveFamilies = new Set<string>();
    for (const [hash, token] of this.tokens) {
      if (tokenRetainedUntil(token.expiresAt) > now) {
        liveFamilies.add(token.familyId);
        continue;
      }
      this.tokens.delete(hash);
      deleted++;
    }
    for (const id of this.families.keys()) {
      if (liveFamilies.has(id)) continue;
      this.families.delete(id);
      deleted++;
    }
    return Promise.resolve(deleted);
  }

  clear(): Promise<void> {
    this.families.clear();
    this.tokens.clear();
    return Promise.resolve();
  }

  /** The token under `key`: a hash filed under another family is not it. */
  private tokenOf(key: RefreshTokenKey): RefreshTokenRecord | undefined {
    const token = this.tokens.get(key.hash);
    return token?.familyId === key.familyId ? token : undefined;
  }
}
