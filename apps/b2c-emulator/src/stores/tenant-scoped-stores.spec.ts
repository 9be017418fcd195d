import {
  MemoryRateCounterStore,
  MemoryStateStore,
  writeState,
  type ExpiringState,
} from '@ropc/identity-protection';
import { MemoryRefreshGrantStore } from './memory-refresh-grant-store';
import type { RefreshGrantFamily, RefreshTokenRecord } from './refresh-grant-store';
import { scopeRateCounters, scopeRefreshGrants, scopeStateStore } from './tenant-scoped-stores';

const TENANT_A = '04fbcc13-aa6a-4630-aacc-9c6a9e838418';
const TENANT_B = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const DAY = 24 * 3600 * 1000;
const WINDOW_MS = 300_000;

const family: RefreshGrantFamily = {
  id: 'family-1',
  userId: '26926d34-dad3-45bb-8bff-84a5f01522d9',
  clientId: '360770b5-7e4f-4765-b292-87b8b2c5964d',
  policy: 'B2C_1_ROPC_Auth',
  scope: 'openid offline_access',
  authTime: T0,
  successorKey: 'successor-key',
  revoked: false,
};

/** Where a store keeps the token `hash` of the family. */
const keyOf = (hash: string) => ({ familyId: family.id, hash });

function token(hash: string, issuedAt = T0): RefreshTokenRecord {
  return { hash, familyId: family.id, issuedAt, expiresAt: issuedAt + 14 * DAY };
}

interface CountState extends ExpiringState {
  readonly count: number;
}

/** One more on the state of `key` (a lockout's failure count, say); answers the new count. */
function countOn(store: { update: MemoryStateStore<CountState>['update'] }, key: string) {
  return store.update(key, (current) => {
    const count = (current?.count ?? 0) + 1;
    return writeState({ count, expiresAt: T0 + DAY }, count);
  });
}

describe('tenant-scoped views of the shared stores', () => {
  describe('refresh grants', () => {
    it("finds a grant created through tenant A's view through A's, never through B's", async () => {
      const shared = new MemoryRefreshGrantStore();
      const a = scopeRefreshGrants(shared, TENANT_A);
      const b = scopeRefreshGrants(shared, TENANT_B);

      await a.createFamily(family, token('hash-1'));

      expect(await b.find(keyOf('hash-1'))).toBeUndefined();
      // A gets its own names back, without the prefix the shared store keeps them under.
      expect(await a.find(keyOf('hash-1'))).toEqual({ token: token('hash-1'), family });
      expect(await shared.find(keyOf('hash-1'))).toBeUndefined();
      expect(
        await shared.find({ familyId: `${TENANT_A}|${family.id}`, hash: `${TENANT_A}|hash-1` }),
      ).toBeDefined();
    });

    it('keys by the tenant id in any case', async () => {
      const shared = new MemoryRefreshGrantStore();

      await scopeRefreshGrants(shared, TENANT_A.toUpperCase()).createFamily(
        family,
        token('hash-1'),
      );

      expect(await scopeRefreshGrants(shared, TENANT_A).find(keyOf('hash-1'))).toEqual({
        token: token('hash-1'),
        family,
      });
    });

    it("rotates and revokes within the tenant: B revoking A's family id changes nothing", async () => {
      const shared = new MemoryRefreshGrantStore();
      const a = scopeRefreshGrants(shared, TENANT_A);
      const b = scopeRefreshGrants(shared, TENANT_B);
      await a.createFamily(family, token('hash-1'));
      await b.createFamily(family, token('hash-1'));

      const found = await a.find(keyOf('hash-1'));
      await expect(
        a.rotate(keyOf('hash-1'), token('hash-2', T0 + 1), T0 + 1, found),
      ).resolves.toEqual({
        outcome: 'rotated',
      });
      await b.revokeFamily(family.id);

      expect(await a.find(keyOf('hash-2'))).toEqual({
        token: token('hash-2', T0 + 1),
        family: { ...family, revoked: false },
      });
      expect((await a.find(keyOf('hash-1')))?.token.rotatedAt).toBe(T0 + 1);
      expect(await b.find(keyOf('hash-2'))).toBeUndefined();
      expect((await b.find(keyOf('hash-1')))?.token.rotatedAt).toBeUndefined();
      expect((await b.find(keyOf('hash-1')))?.family.revoked).toBe(true);
    });
  });

  it('keeps the lockout states of two tenants apart under the same key', async () => {
    const shared = new MemoryStateStore<CountState>(() => T0);
    const a = scopeStateStore(shared, TENANT_A);
    const b = scopeStateStore(shared, TENANT_B);
    const key = 'ip|alice@contoso.com';

    await countOn(a, key);
    await countOn(a, key);

    expect(await b.get(key)).toBeUndefined();
    expect(await countOn(b, key)).toBe(1);
    expect((await a.get(key))?.count).toBe(2);
  });

  it('keeps the rate counts of two tenants apart under the same key', async () => {
    const shared = new MemoryRateCounterStore();
    const a = scopeRateCounters(shared, TENANT_A);
    const b = scopeRateCounters(shared, TENANT_B);

    await a.hit('tenant', WINDOW_MS, T0);
    await a.hit('tenant', WINDOW_MS, T0);

    expect((await b.peek('tenant', WINDOW_MS, T0)).count).toBe(0);
    expect((await b.hit('tenant', WINDOW_MS, T0)).count).toBe(1);
    expect((await a.peek('tenant', WINDOW_MS, T0)).count).toBe(2);
  });

  it('refuses to sweep or clear the whole shared store through a view', async () => {
    const grants = scopeRefreshGrants(new MemoryRefreshGrantStore(), TENANT_A);
    const lockouts = scopeStateStore(new MemoryStateStore<CountState>(), TENANT_A);
    const rates = scopeRateCounters(new MemoryRateCounterStore(), TENANT_A);
    const refusal = "a tenant's view of a shared store cannot sweep or clear it";

    for (const view of [grants, lockouts, rates]) {
      // Wrapped in async functions: a synchronous throw and a rejection both count.
      await expect(async () => view.deleteExpired(T0)).rejects.toThrow(new TypeError(refusal));
      await expect(async () => view.clear()).rejects.toThrow(new TypeError(refusal));
    }
  });
});
