import type { TransactionAction } from '@azure/data-tables';
import { CONFLICT, done, odata, retryOnConflict, type StorageTable } from '@ropc/table-storage';
import {
  SEEDED_ROW_KEY,
  LEGACY_USERS_PARTITION,
  USER_ROW_KEY_RANGE,
  readUserRow,
  signInNameRow,
  signInNameRowKey,
  signInNameRowKeys,
  userRow,
  userRowKey,
  usersPartition,
  type SignInNameRowProperties,
  type UserRowProperties,
} from './table-user-rows';
import { UserConflictError, type StoredUser, type UserStore } from './user-store';

/** Users a reset, an import or a seed writes at once: enough to be quick, few enough to be kind. */
const WRITE_GROUP = 8;

/**
 * A tenant's users in its partition of a table (layout in `table-user-rows.ts`). A create,
 * update or delete is one transaction over the user row and its sign-in name rows, so that two
 * instances can never give one sign-in name to two users; an update is conditional on the user
 * row's entity tag and retried on a lost race.
 *
 * A transaction holds at most 100 rows: with at most 20 identities per user (the Graph API's and
 * the tenant file's limit) an update that swaps every sign-in name writes 41.
 *
 * A delete racing an update that only adds sign-in names can leave a name row whose user is gone
 * or no longer has that name: such a stale row is ignored by lookups and released by the next
 * write that needs the name.
 */
export class TableUserStore implements UserStore {
  private readonly partition: string;

  constructor(
    private readonly table: StorageTable,
    tenantId: string,
  ) {
    this.partition = usersPartition(tenantId);
  }

  /**
   * Moves the rows of a store written before tenants had partitions (`users`) into this tenant's,
   * once: each row is created here unless it already is (another instance may be moving them
   * too), then deleted there. A partition already seeded keeps what it holds and only the old
   * rows go. Answers how many rows moved.
   */
  async adoptLegacyPartition(): Promise<number> {
    const rows = await this.table.list<Record<string, unknown>>(
      odata`PartitionKey eq ${LEGACY_USERS_PARTITION}`,
    );
    if (rows.length === 0) return 0;
    const seeded = (await this.table.get(this.partition, SEEDED_ROW_KEY)) !== undefined;
    // The `seeded` marker last: a move cut short is done again, not taken as finished.
    const ordered = [
      ...rows.filter((row) => row.rowKey !== SEEDED_ROW_KEY),
      ...rows.filter((row) => row.rowKey === SEEDED_ROW_KEY),
    ];
    let moved = 0;
    for (const row of seeded ? [] : ordered) {
      const { etag: _etag, timestamp: _timestamp, partitionKey: _from, ...properties } = row;
      if ((await this.table.create({ ...properties, partitionKey: this.partition })).ok) moved += 1;
    }
    await inGroups(rows, (row) => this.table.delete(row.partitionKey, row.rowKey));
    return moved;
  }

  async get(id: string): Promise<StoredUser | undefined> {
    const rowKey = userRowKey(id);
    if (rowKey === undefined) return undefined;
    const row = await this.table.get<UserRowProperties>(this.partition, rowKey);
    return row && readUserRow(row);
  }

  async findBySignInName(signInName: string): Promise<StoredUser | undefined> {
    const owner = await this.ownerOf(signInNameRowKey(signInName));
    return owner?.user;
  }

  async list(): Promise<readonly StoredUser[]> {
    const { from, before } = USER_ROW_KEY_RANGE;
    const rows = await this.table.list<UserRowProperties>(
      odata`PartitionKey eq ${this.partition} and RowKey ge ${from} and RowKey lt ${before}`,
    );
    return rows.map(readUserRow);
  }

  create(user: StoredUser): Promise<StoredUser> {
    const rowKey = userRowKey(user.id);
    if (rowKey === undefined) return Promise.reject(new TypeError('a stored user needs a GUID id'));
    const names = signInNameRowKeys(user);
    return retryOnConflict('create a user', async () => {
      const created = await this.table.transaction([
        ['create', userRow(this.partition, rowKey, user)],
        ...[...names].map((name): TransactionAction => [
          'create',
          signInNameRow(this.partition, name, user.id),
        ]),
      ]);
      if (created.ok) return done(user);
      if (await this.table.get(this.partition, rowKey)) throw new UserConflictError('id');
      await this.releaseStaleNames(names);
      return CONFLICT;
    });
  }

  async update(
    id: string,
    change: (user: StoredUser) => StoredUser,
  ): Promise<StoredUser | undefined> {
    const rowKey = userRowKey(id);
    if (rowKey === undefined) return undefined;
    return retryOnConflict('update a user', async () => {
      const row = await this.table.get<UserRowProperties>(this.partition, rowKey);
      if (!row) return done(undefined);
      const current = readUserRow(row);
      const next = change(current);
      const before = signInNameRowKeys(current);
      const after = signInNameRowKeys(next);
      const added = [...after].filter((name) => !before.has(name));
      const updated = await this.table.transaction([
        ['update', userRow(this.partition, rowKey, next), 'Replace', { etag: row.etag }],
        ...[...before]
          .filter((name) => !after.has(name))
          .map((name): TransactionAction => ['delete', this.keysOf(name)]),
        ...added.map((name): TransactionAction => [
          'create',
          signInNameRow(this.partition, name, current.id),
        ]),
      ]);
      if (updated.ok) return done(next);
      const reread = await this.table.get(this.partition, rowKey);
      // Unchanged user row: the transaction failed on a sign-in name another row holds.
      if (reread?.etag === row.etag) await this.releaseStaleNames(added);
      return CONFLICT;
    });
  }

  async delete(id: string): Promise<boolean> {
    const rowKey = userRowKey(id);
    if (rowKey === undefined) return false;
    return retryOnConflict('delete a user', async () => {
      const row = await this.table.get<UserRowProperties>(this.partition, rowKey);
      if (!row) return done(false);
      const names = signInNameRowKeys(readUserRow(row));
      const deleted = await this.table.transaction([
        ['delete', this.keysOf(rowKey)],
        ...[...names].map((name): TransactionAction => ['delete', this.keysOf(name)]),
      ]);
      return deleted.ok ? done(true) : CONFLICT;
    });
  }

  /**
   * Deletes every user, then writes `users`. Not atomic across transactions: an instance reading
   * meanwhile may see part of the old or the new set. Admin resets and imports are rare and
   * explicit, so this is accepted; the seeded marker stays, so no instance seeds meanwhile.
   */
  async replaceAll(users: readonly StoredUser[]): Promise<void> {
    const rows = await this.table.list(odata`PartitionKey eq ${this.partition}`, [
      'PartitionKey',
      'RowKey',
    ]);
    const doomed = rows.filter((row) => row.rowKey !== SEEDED_ROW_KEY);
    await inGroups(doomed, (row) => this.table.delete(row.partitionKey, row.rowKey));
    await inGroups(users, (user) => this.create(user));
    await this.table.upsert(this.seededRow());
  }

  /**
   * Creates each user that is not there yet, skipping any whose id or sign-in name is taken, so
   * that instances seeding at once neither duplicate nor overwrite; then marks the store seeded.
   */
  async seed(users: readonly StoredUser[]): Promise<boolean> {
    if (await this.table.get(this.partition, SEEDED_ROW_KEY)) return false;
    await inGroups(users, (user) =>
      this.create(user).catch((error: unknown) => {
        if (!(error instanceof UserConflictError)) throw error;
      }),
    );
    await this.table.create(this.seededRow());
    return true;
  }

  /** The sign-in name row `rowKey` with its user, undefined as the user when the row is stale. */
  private async ownerOf(
    rowKey: string,
  ): Promise<{ user: StoredUser | undefined; etag: string } | undefined> {
    const row = await this.table.get<SignInNameRowProperties>(this.partition, rowKey);
    if (!row) return undefined;
    const user = await this.get(row.userId);
    const holds = user !== undefined && signInNameRowKeys(user).has(rowKey);
    return { user: holds ? user : undefined, etag: row.etag };
  }

  /**
   * Throws UserConflictError('identities') when a live user holds one of the names; deletes the
   * stale rows among them (each conditional on the tag read, so a row renewed meanwhile stays).
   */
  private async releaseStaleNames(names: Iterable<string>): Promise<void> {
    for (const name of names) {
      const owner = await this.ownerOf(name);
      if (!owner) continue;
      if (owner.user) throw new UserConflictError('identities');
      await this.table.delete(this.partition, name, owner.etag);
    }
  }

  private keysOf(rowKey: string): { partitionKey: string; rowKey: string } {
    return { partitionKey: this.partition, rowKey };
  }

  private seededRow(): { partitionKey: string; rowKey: string; seeded: boolean } {
    return { partitionKey: this.partition, rowKey: SEEDED_ROW_KEY, seeded: true };
  }
}

/** Runs `write` over `items`, a few at a time. */
async function inGroups<T>(
  items: readonly T[],
  write: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let index = 0; index < items.length; index += WRITE_GROUP) {
    await Promise.all(items.slice(index, index + WRITE_GROUP).map(write));
  }
}
