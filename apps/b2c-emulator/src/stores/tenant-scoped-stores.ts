import type {
  ExpiringState,
  ListableRateCounterStore,
  ListableStateStore,
} from '@ropc/identity-protection';
import type {
  FoundRefreshGrant,
  RefreshGrantFamily,
  RefreshGrantStore,
  RefreshTokenKey,
  RefreshTokenRecord,
} from './refresh-grant-store';

/**
 * One tenant's view of a store the emulator shares between its tenants: every key it writes or
 * reads starts with the tenant id, so two tenants never meet in one entry — a refresh token, a
 * lockout or a rate count of one tenant means nothing to another. Sweeps (`deleteExpired`) and
 * resets (`clear`) work on the whole store and belong to the emulator, not to a tenant's view.
 */
function scoped(tenantId: string): (key: string) => string {
  const prefix = `${tenantId.toLowerCase()}|`;
  return (key) => prefix + key;
}

function unscoped(tenantId: string): (key: string) => string {
  const length = tenantId.length + 1;
  return (key) => key.slice(length);
}

const wholeStore = (): never => {
  throw new TypeError("a tenant's view of a shared store cannot sweep or clear it");
};

/** A tenant's lockout states (or any atomic states) in a shared store; it lists only its own. */
export function scopeStateStore<T extends ExpiringState>(
  store: ListableStateStore<T>,
  tenantId: string,
): ListableStateStore<T> {
  const key = scoped(tenantId);
  const unkey = unscoped(tenantId);
  return {
    get: (name) => store.get(key(name)),
    update: (name, decide) => store.update(key(name), decide),
    entries: async (prefix, now) =>
      (await store.entries(key(prefix), now)).map((entry) => ({ ...entry, key: unkey(entry.key) })),
    deleteExpired: wholeStore,
    clear: wholeStore,
  };
}

/** A tenant's rate counters in a shared store; it lists only its own. */
export function scopeRateCounters(
  store: ListableRateCounterStore,
  tenantId: string,
): ListableRateCounterStore {
  const key = scoped(tenantId);
  const unkey = unscoped(tenantId);
  return {
    hit: (name, windowMs, now) => store.hit(key(name), windowMs, now),
    peek: (name, windowMs, now) => store.peek(key(name), windowMs, now),
    windows: async (prefix, now) =>
      (await store.windows(key(prefix), now)).map((window) => ({
        ...window,
        key: unkey(window.key),
      })),
    deleteExpired: wholeStore,
    clear: wholeStore,
  };
}

/**
 * A tenant's refresh grants in a shared store: token hashes and family ids are stored with the
 * tenant's prefix and handed back without it, so a refresh token presented to another tenant is
 * unknown there.
 */
export function scopeRefreshGrants(store: RefreshGrantStore, tenantId: string): RefreshGrantStore {
  const key = scoped(tenantId);
  const unkey = unscoped(tenantId);
  const family = (f: RefreshGrantFamily, to: (k: string) => string) => ({ ...f, id: to(f.id) });
  const token = (r: RefreshTokenRecord, to: (k: string) => string) => ({
    ...r,
    hash: to(r.hash),
    familyId: to(r.familyId),
  });
  const tokenKey = (k: RefreshTokenKey): RefreshTokenKey => ({
    familyId: key(k.familyId),
    hash: key(k.hash),
  });
  const found = (f: FoundRefreshGrant, to: (k: string) => string): FoundRefreshGrant => ({
    token: token(f.token, to),
    family: family(f.family, to),
  });
  // What `find` answered, by the object handed out: `rotate` passes the store its own object back,
  // so that a store that remembers what it read (the table store) need not read it again.
  const originals = new WeakMap<FoundRefreshGrant, FoundRefreshGrant>();
  return {
    createFamily: (f, first) => store.createFamily(family(f, key), token(first, key)),
    find: async (presented) => {
      const result = await store.find(tokenKey(presented));
      if (!result) return undefined;
      const view = found(result, unkey);
      originals.set(view, result);
      return view;
    },
    rotate: (redeemed, successor, at, known) =>
      store.rotate(
        tokenKey(redeemed),
        token(successor, key),
        at,
        known && (originals.get(known) ?? found(known, key)),
      ),
    revokeFamily: (familyId) => store.revokeFamily(key(familyId)),
    deleteExpired: wholeStore,
    clear: wholeStore,
  };
}
