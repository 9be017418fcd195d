import { MemoryUserStore } from '../../src/stores/memory-user-store';
import { TableUserStore } from '../../src/stores/table-user-store';
import { signInNameRow, signInNameRowKey, usersPartition } from '../../src/stores/table-user-rows';
import { UserConflictError, type StoredUser, type UserStore } from '../../src/stores/user-store';
import type { StorageTable, RowToWrite } from '@ropc/table-storage';
import { sameStore, twoInstances, useAzuriteTables } from './azurite-tables';
import { LEGACY_PARTITION, LEGACY_SEEDED_ROW, legacyUserRows } from './legacy-user-rows';

const freshTable = useAzuriteTables();

const TENANT_ID = '04fbcc13-aa6a-4630-aacc-9c6a9e838418';
const OTHER_TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
const ALICE_ID = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const BOB_ID = '8c7a0f5e-0b4e-4f1e-9a55-3c1d2b6e7f10';
const CAROL_ID = 'b5f3e2a1-7c6d-4e8f-9a0b-1c2d3e4f5a6b';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA';

function user(id: string, ...names: string[]): StoredUser {
  return {
    id,
    displayName: `User ${names[0] ?? id}`,
    identities: names.map((name) => ({
      signInType: name.includes('@') ? 'emailAddress' : 'userName',
      issuer: 'contoso.onmicrosoft.com',
      issuerAssignedId: name,
    })),
    passwordHash: HASH,
    accountEnabled: true,
    attributes: {},
    forceChangePasswordNextSignIn: false,
    refreshTokensValidFrom: 0,
  };
}

async function conflictOf(write: Promise<unknown>): Promise<string> {
  try {
    await write;
    return 'none';
  } catch (error) {
    if (error instanceof UserConflictError) return error.field;
    throw error;
  }
}

/** A store and a second handle on the same state (another instance, for the table). */
type StorePair = readonly [UserStore, UserStore];

describe.each([
  ['memory', (): StorePair => sameStore(new MemoryUserStore())],
  [
    'table',
    (): StorePair =>
      twoInstances(freshTable('users'), (table) => new TableUserStore(table, TENANT_ID)),
  ],
])('UserStore contract: %s', (_name, createStores) => {
  let store: UserStore;
  let twin: UserStore;

  beforeEach(() => {
    [store, twin] = createStores();
  });

  it('finds a created user by id in any case and by each sign-in name, normalised', async () => {
    const alice = user(ALICE_ID, 'alice@contoso.com', 'alice');
    await store.create(alice);
    expect(await store.get(ALICE_ID.toUpperCase())).toEqual(alice);
    expect(await store.findBySignInName(' ALICE@Contoso.com ')).toEqual(alice);
    expect(await store.findBySignInName('alice')).toEqual(alice);
    expect(await store.findBySignInName('bob@contoso.com')).toBeUndefined();
    expect(await store.get(BOB_ID)).toBeUndefined();
  });

  it('lists every user', async () => {
    await store.create(user(ALICE_ID, 'alice@contoso.com'));
    await store.create(user(BOB_ID, 'bob@contoso.com'));
    const ids = (await store.list()).map((listed) => listed.id).sort();
    expect(ids).toEqual([ALICE_ID, BOB_ID].sort());
  });

  it('refuses a second user with the same id, or with a sign-in name another user holds', async () => {
    await store.create(user(ALICE_ID, 'alice@contoso.com'));
    expect(await conflictOf(store.create(user(ALICE_ID, 'other@contoso.com')))).toBe('id');
    expect(await conflictOf(store.create(user(BOB_ID, 'Alice@Contoso.com')))).toBe('identities');
    expect(await store.get(BOB_ID)).toBeUndefined();
    expect(await store.findBySignInName('other@contoso.com')).toBeUndefined();
  });

  it('updates a user, moving its sign-in names with its identities', async () => {
    await store.create(user(ALICE_ID, 'alice@contoso.com', 'alice'));
    const renamed = { ...user(ALICE_ID, 'alice', 'alice.new@contoso.com'), displayName: 'Alice' };
    expect(await store.update(ALICE_ID, () => renamed)).toEqual(renamed);
    expect(await store.get(ALICE_ID)).toEqual(renamed);
    expect(await store.findBySignInName('alice.new@contoso.com')).toEqual(renamed);
    expect(await store.findBySignInName('alice')).toEqual(renamed);
    expect(await store.findBySignInName('alice@contoso.com')).toBeUndefined();
    await store.create(user(BOB_ID, 'alice@contoso.com'));
    expect((await store.findBySignInName('alice@contoso.com'))?.id).toBe(BOB_ID);
  });

  it('answers undefined for an update of a user that does not exist', async () => {
    expect(await store.update(ALICE_ID, (current) => current)).toBeUndefined();
    expect(await store.update('not/a#guid?', (current) => current)).toBeUndefined();
    expect(await store.get('not/a#guid?')).toBeUndefined();
    expect(await store.delete('not/a#guid?')).toBe(false);
  });

  it('refuses an update that takes another user’s sign-in name and changes nothing', async () => {
    const alice = user(ALICE_ID, 'alice@contoso.com');
    await store.create(alice);
    await store.create(user(BOB_ID, 'bob@contoso.com'));
    const taking = store.update(ALICE_ID, () =>
      user(ALICE_ID, 'alice@contoso.com', 'BOB@contoso.com'),
    );
    expect(await conflictOf(taking)).toBe('identities');
    expect(await store.get(ALICE_ID)).toEqual(alice);
    expect((await store.findBySignInName('bob@contoso.com'))?.id).toBe(BOB_ID);
  });

  it('deletes a user and frees its sign-in names', async () => {
    await store.create(user(ALICE_ID, 'alice@contoso.com'));
    expect(await store.delete(ALICE_ID)).toBe(true);
    expect(await store.delete(ALICE_ID)).toBe(false);
    expect(await store.get(ALICE_ID)).toBeUndefined();
    expect(await store.findBySignInName('alice@contoso.com')).toBeUndefined();
    await store.create(user(BOB_ID, 'alice@contoso.com'));
    expect((await store.findBySignInName('alice@contoso.com'))?.id).toBe(BOB_ID);
  });

  it('keeps a user as large as the Graph API can create', async () => {
    const attributes = Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => [`extension_a${index}`, `é😀${'x'.repeat(250)}`]),
    );
    const large = { ...user(ALICE_ID, 'alice@contoso.com'), attributes };
    await store.create(large);
    expect(await store.get(ALICE_ID)).toEqual(large);
  });

  it('replaces every user', async () => {
    await store.create(user(ALICE_ID, 'alice@contoso.com'));
    await store.replaceAll([user(BOB_ID, 'bob@contoso.com'), user(CAROL_ID, 'alice@contoso.com')]);
    expect((await store.list()).map((listed) => listed.id).sort()).toEqual(
      [BOB_ID, CAROL_ID].sort(),
    );
    expect((await store.findBySignInName('alice@contoso.com'))?.id).toBe(CAROL_ID);
  });

  it('seeds an empty store once and never overwrites it', async () => {
    const seed = [user(ALICE_ID, 'alice@contoso.com'), user(BOB_ID, 'bob@contoso.com')];
    expect(await store.seed(seed)).toBe(true);
    await store.update(ALICE_ID, (current) => ({ ...current, displayName: 'Changed' }));
    await store.delete(BOB_ID);
    expect(await twin.seed(seed)).toBe(false);
    expect((await store.get(ALICE_ID))?.displayName).toBe('Changed');
    expect(await store.get(BOB_ID)).toBeUndefined();
  });

  it('counts as seeded after a replacement', async () => {
    await store.replaceAll([user(CAROL_ID, 'carol@contoso.com')]);
    expect(await store.seed([user(ALICE_ID, 'alice@contoso.com')])).toBe(false);
    expect((await store.list()).map((listed) => listed.id)).toEqual([CAROL_ID]);
  });

  it('seeds once when two instances seed at the same time', async () => {
    const seed = [user(ALICE_ID, 'alice@contoso.com'), user(BOB_ID, 'bob@contoso.com')];
    await Promise.all([store.seed(seed), twin.seed(seed)]);
    expect((await store.list()).map((listed) => listed.id).sort()).toEqual(
      [ALICE_ID, BOB_ID].sort(),
    );
    expect(await store.seed(seed)).toBe(false);
  });

  it('gives a sign-in name to exactly one of two users created at the same time', async () => {
    const outcomes = await Promise.all([
      conflictOf(store.create(user(ALICE_ID, 'same@contoso.com'))),
      conflictOf(twin.create(user(BOB_ID, 'Same@Contoso.com'))),
    ]);
    expect(outcomes.sort()).toEqual(['identities', 'none']);
    expect(await store.list()).toHaveLength(1);
  });

  it('keeps every change of concurrent updates of one user', async () => {
    await store.create(user(ALICE_ID, 'alice@contoso.com'));
    await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        (index % 2 ? twin : store).update(ALICE_ID, (current) => ({
          ...current,
          attributes: { ...current.attributes, [`extension_n${index}`]: index },
        })),
      ),
    );
    expect((await store.get(ALICE_ID))?.attributes).toEqual({
      extension_n0: 0,
      extension_n1: 1,
      extension_n2: 2,
      extension_n3: 3,
      extension_n4: 4,
      extension_n5: 5,
    });
  });
});

describe('TableUserStore', () => {
  it('ignores and releases a sign-in name row whose user is gone', async () => {
    const table = freshTable('users');
    const store = new TableUserStore(table, TENANT_ID);
    const stale = signInNameRow(
      usersPartition(TENANT_ID),
      signInNameRowKey('alice@contoso.com'),
      CAROL_ID,
    );
    expect((await table.create(stale)).ok).toBe(true);
    expect(await store.findBySignInName('alice@contoso.com')).toBeUndefined();
    await store.create(user(ALICE_ID, 'alice@contoso.com'));
    expect((await store.findBySignInName('alice@contoso.com'))?.id).toBe(ALICE_ID);
    const row = await table.get<{ userId: string }>(usersPartition(TENANT_ID), stale.rowKey);
    expect(row?.userId).toBe(ALICE_ID);
  });

  it('stores no sign-in name in a key or in clear text', async () => {
    const table = freshTable('users');
    await new TableUserStore(table, TENANT_ID).create(user(ALICE_ID, 'alice@contoso.com'));
    const keys = (await table.list()).map((row) => row.rowKey);
    expect(keys.filter((key) => key.includes('alice'))).toEqual([]);
    expect(keys.sort()).toEqual([signInNameRowKey('alice@contoso.com'), `user:${ALICE_ID}`]);
  });

  it("keeps two tenants' users apart in one table, each sign-in name once per tenant", async () => {
    const table = freshTable('users');
    const contoso = new TableUserStore(table, TENANT_ID);
    const contosoid = new TableUserStore(table, OTHER_TENANT_ID);
    await contoso.create(user(ALICE_ID, 'alice@contoso.com'));
    await contosoid.create(user(BOB_ID, 'alice@contoso.com'));
    expect((await contoso.list()).map((listed) => listed.id)).toEqual([ALICE_ID]);
    expect((await contosoid.list()).map((listed) => listed.id)).toEqual([BOB_ID]);
    expect((await contosoid.findBySignInName('alice@contoso.com'))?.id).toBe(BOB_ID);
    expect(await contosoid.get(ALICE_ID)).toBeUndefined();
    expect(await contosoid.seed([user(CAROL_ID, 'carol@contoso.com')])).toBe(true);
    expect(await contoso.seed([user(CAROL_ID, 'carol@contoso.com')])).toBe(true);
  });
});

describe('TableUserStore.adoptLegacyPartition', () => {
  /** Writes an older emulator's users, seeded, into the `users` partition of a new table. */
  async function legacyTable(...users: StoredUser[]): Promise<StorageTable> {
    const table = freshTable('users');
    for (const row of [...users.flatMap(legacyUserRows), LEGACY_SEEDED_ROW]) {
      expect((await table.create(row)).ok).toBe(true);
    }
    return table;
  }

  const legacyRows = (table: StorageTable) =>
    table.list(`PartitionKey eq '${LEGACY_PARTITION}'`, ['PartitionKey', 'RowKey']);

  it("moves the legacy rows into the tenant's partition, seeded, and deletes them", async () => {
    const alice = user(ALICE_ID, 'alice@contoso.com', 'alice');
    const bob = user(BOB_ID, 'bob@contoso.com');
    const table = await legacyTable(alice, bob);
    const store = new TableUserStore(table, TENANT_ID);

    // Two user rows, three sign-in name rows and the seeded marker.
    expect(await store.adoptLegacyPartition()).toBe(6);

    expect(await legacyRows(table)).toEqual([]);
    expect(await store.get(ALICE_ID)).toEqual(alice);
    expect((await store.findBySignInName('alice'))?.id).toBe(ALICE_ID);
    expect((await store.findBySignInName('bob@contoso.com'))?.id).toBe(BOB_ID);
    expect(await store.seed([user(CAROL_ID, 'carol@contoso.com')])).toBe(false);
    expect(await store.adoptLegacyPartition()).toBe(0);
  });

  it('keeps what an already seeded partition holds and only deletes the legacy rows', async () => {
    const table = await legacyTable(user(ALICE_ID, 'alice@contoso.com'));
    const store = new TableUserStore(table, TENANT_ID);
    await store.seed([user(CAROL_ID, 'carol@contoso.com')]);

    expect(await store.adoptLegacyPartition()).toBe(0);

    expect(await legacyRows(table)).toEqual([]);
    expect((await store.list()).map((listed) => listed.id)).toEqual([CAROL_ID]);
  });

  // The `seeded` marker is copied last, so a copy cut short (a storage timeout during the start;
  // the next request starts the emulator again) is done again rather than taken as finished.
  it('keeps the users when an adoption stopped midway is run again', async () => {
    const alice = user(ALICE_ID, 'alice@contoso.com');
    const table = await legacyTable(alice);
    const interrupted = Object.create(table) as StorageTable;
    interrupted.create = (row: RowToWrite) =>
      row.rowKey.startsWith('user:')
        ? Promise.reject(new Error('storage timed out'))
        : table.create(row);
    await expect(new TableUserStore(interrupted, TENANT_ID).adoptLegacyPartition()).rejects.toThrow(
      'storage timed out',
    );

    const store = new TableUserStore(table, TENANT_ID);
    await store.adoptLegacyPartition();

    expect(await store.get(ALICE_ID)).toEqual(alice);
  });
});
