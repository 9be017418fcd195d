import { randomBytes, randomUUID } from 'node:crypto';
import { MemoryRefreshGrantStore } from '../../src/stores/memory-refresh-grant-store';
import {
  tokenRetainedUntil,
  type RefreshGrantFamily,
  type RefreshGrantStore,
  type RefreshTokenRecord,
} from '../../src/stores/refresh-grant-store';
import { TableRefreshGrantStore } from '../../src/stores/table-refresh-grant-store';
import { sameStore, twoInstances, useAzuriteTables } from './azurite-tables';

const freshTable = useAzuriteTables();

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const DAY = 24 * 3600 * 1000;

function family(overrides: Partial<RefreshGrantFamily> = {}): RefreshGrantFamily {
  return {
    id: randomUUID(),
    userId: '26926d34-dad3-45bb-8bff-84a5f01522d9',
    clientId: '360770b5-7e4f-4765-b292-87b8b2c5964d',
    policy: 'B2C_1_ROPC_Auth',
    scope: 'openid offline_access',
    authTime: T0,
    successorKey: randomBytes(32).toString('base64url'),
    revoked: false,
    ...overrides,
  };
}

const randomHash = (): string => randomBytes(32).toString('base64url');

function token(familyId: string, issuedAt: number, lifetime = 14 * DAY): RefreshTokenRecord {
  return {
    hash: randomHash(),
    familyId,
    issuedAt,
    expiresAt: issuedAt + lifetime,
  };
}

/** A store and a second handle on the same state (another instance, for the table). */
type StorePair = readonly [RefreshGrantStore, RefreshGrantStore];

describe.each([
  ['memory', (): StorePair => sameStore(new MemoryRefreshGrantStore())],
  [
    'table',
    (): StorePair =>
      twoInstances(freshTable('grants'), (table) => new TableRefreshGrantStore(table)),
  ],
])('RefreshGrantStore contract: %s', (_name, createStores) => {
  let store: RefreshGrantStore;
  let twin: RefreshGrantStore;

  beforeEach(() => {
    [store, twin] = createStores();
  });

  it('finds a token of a new family by its family and hash, with the family', async () => {
    const created = family();
    const first = token(created.id, T0);
    await store.createFamily(created, first);
    expect(await store.find(first)).toEqual({ token: first, family: created });
    expect(await store.find({ familyId: created.id, hash: randomHash() })).toBeUndefined();
    expect(await store.find({ familyId: randomUUID(), hash: first.hash })).toBeUndefined();
  });

  it("does not find a token under another family's id", async () => {
    const [mine, other] = [family(), family()];
    const first = token(mine.id, T0);
    await store.createFamily(mine, first);
    await store.createFamily(other, token(other.id, T0));
    expect(await store.find({ familyId: other.id, hash: first.hash })).toBeUndefined();
  });

  it('rotates once, then answers already_rotated with the time of the first rotation', async () => {
    const created = family();
    const first = token(created.id, T0);
    const successor = token(created.id, T0 + 60_000);
    await store.createFamily(created, first);
    expect(await store.rotate(first, successor, T0 + 60_000)).toEqual({ outcome: 'rotated' });
    expect(await store.rotate(first, successor, T0 + 90_000)).toEqual({
      outcome: 'already_rotated',
      rotatedAt: T0 + 60_000,
    });
    expect((await store.find(first))?.token).toEqual({ ...first, rotatedAt: T0 + 60_000 });
    expect((await store.find(successor))?.token).toEqual(successor);
  });

  it('rotates from what find read, and still sees a redemption made since then', async () => {
    const created = family();
    const first = token(created.id, T0);
    const successor = token(created.id, T0 + 60_000);
    await store.createFamily(created, first);
    const [foundHere, foundThere] = [await store.find(first), await twin.find(first)];
    expect(await store.rotate(first, successor, T0 + 60_000, foundHere)).toEqual({
      outcome: 'rotated',
    });
    // The other instance read the token before that redemption: its read is stale now.
    expect(await twin.rotate(first, successor, T0 + 61_000, foundThere)).toEqual({
      outcome: 'already_rotated',
      rotatedAt: T0 + 60_000,
    });
    expect((await store.find(successor))?.token).toEqual(successor);
  });

  it('keeps the first successor as it is when a retry brings it again, later', async () => {
    const created = family();
    const first = token(created.id, T0);
    const second = token(created.id, T0 + 1000);
    await store.createFamily(created, first);
    await store.rotate(first, second, T0 + 1000);
    const retried = { ...second, issuedAt: T0 + 5000, expiresAt: T0 + 20 * DAY };
    expect(await store.rotate(first, retried, T0 + 5000)).toEqual({
      outcome: 'already_rotated',
      rotatedAt: T0 + 1000,
    });
    expect((await store.find(second))?.token).toEqual(second);
  });

  it('rotates a token whose family was revoked since find read it, and keeps the revocation', async () => {
    const created = family();
    const first = token(created.id, T0);
    const successor = token(created.id, T0 + 1000);
    await store.createFamily(created, first);
    const found = await store.find(first);
    await twin.revokeFamily(created.id);
    // The family changed after the read: a store that writes on its condition must read again.
    expect(await store.rotate(first, successor, T0 + 1000, found)).toEqual({ outcome: 'rotated' });
    expect(await store.find(successor)).toEqual({
      token: successor,
      family: { ...created, revoked: true },
    });
    expect((await store.find(first))?.token.rotatedAt).toBe(T0 + 1000);
  });

  it('rotates along a chain, each token found with its own times until its turn', async () => {
    const created = family();
    const chain = [0, 1, 2, 3].map((step) => token(created.id, T0 + step * 1000));
    await store.createFamily(created, chain[0]!);
    for (let step = 1; step < chain.length; step++) {
      const previous = chain[step - 1]!;
      const found = await twin.find(previous);
      expect(found?.token).toEqual(previous);
      await store.rotate(previous, chain[step]!, T0 + step * 1000, found);
    }
    const redeemed = await Promise.all(chain.map((each) => store.find(each)));
    expect(redeemed.map((found) => found?.token.rotatedAt)).toEqual([
      T0 + 1000,
      T0 + 2000,
      T0 + 3000,
      undefined,
    ]);
    expect(redeemed.map((found) => found?.token.issuedAt)).toEqual(
      chain.map((each) => each.issuedAt),
    );
  });

  it('lets exactly one of two concurrent redemptions of one token rotate it', async () => {
    const created = family();
    const first = token(created.id, T0);
    const successor = token(created.id, T0 + 1000);
    await store.createFamily(created, first);
    const outcomes = await Promise.all([
      store.rotate(first, successor, T0 + 1000),
      twin.rotate(first, successor, T0 + 1001),
    ]);
    const rotated = outcomes.filter((outcome) => outcome.outcome === 'rotated');
    const losers = outcomes.filter((outcome) => outcome.outcome === 'already_rotated');
    expect([rotated.length, losers.length]).toEqual([1, 1]);
    const winnerAt = (await store.find(first))?.token.rotatedAt;
    expect(losers[0]).toEqual({ outcome: 'already_rotated', rotatedAt: winnerAt });
    expect((await store.find(successor))?.token).toEqual(successor);
  });

  it('refuses to rotate a token it does not know', async () => {
    const unknown = token(randomUUID(), T0);
    await expect(store.rotate(unknown, token(unknown.familyId, T0), T0)).rejects.toThrow(
      'rotate: unknown refresh token',
    );
  });

  it('revokes a whole family', async () => {
    const created = family();
    const first = token(created.id, T0);
    const second = token(created.id, T0 + 1000);
    await store.createFamily(created, first);
    await store.rotate(first, second, T0 + 1000);
    await twin.revokeFamily(created.id);
    expect((await store.find(first))?.family.revoked).toBe(true);
    expect((await store.find(second))?.family.revoked).toBe(true);
    await store.revokeFamily(randomUUID());
  });

  it('deletes tokens retained past their expiry, and families left without tokens', async () => {
    const ended = family();
    const endedToken = token(ended.id, T0, DAY);
    const live = family();
    const liveToken = token(live.id, T0, 10 * DAY);
    await store.createFamily(ended, endedToken);
    await store.createFamily(live, liveToken);
    expect(await store.deleteExpired(tokenRetainedUntil(endedToken.expiresAt) - 1)).toBe(0);
    expect(await store.deleteExpired(tokenRetainedUntil(endedToken.expiresAt))).toBe(2);
    expect(await store.find(endedToken)).toBeUndefined();
    expect((await store.find(liveToken))?.family).toEqual(live);
  });

  it('keeps a family while a later token of it is retained', async () => {
    const created = family();
    const first = token(created.id, T0, DAY);
    const successor = token(created.id, T0 + DAY / 2, 14 * DAY);
    await store.createFamily(created, first);
    await store.rotate(first, successor, T0 + DAY / 2);
    expect(await store.deleteExpired(tokenRetainedUntil(first.expiresAt))).toBe(1);
    expect(await store.find(first)).toBeUndefined();
    expect(await store.find(successor)).toEqual({ token: successor, family: created });
    expect(await store.deleteExpired(tokenRetainedUntil(successor.expiresAt))).toBe(2);
  });

  it('forgets every grant on clear', async () => {
    const created = family();
    const first = token(created.id, T0);
    await store.createFamily(created, first);
    await store.clear();
    expect(await store.find(first)).toBeUndefined();
  });
});
