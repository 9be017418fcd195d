import {
  CONFLICT,
  deleteExpiredRows,
  done,
  epochMs,
  retryOnConflict,
  type EntriesPerRow,
  type RowToWrite,
  type StorageTable,
  type StoredRow,
} from '@ropc/table-storage';
import {
  tokenRetainedUntil,
  type FoundRefreshGrant,
  type RefreshGrantFamily,
  type RefreshGrantStore,
  type RefreshTokenKey,
  type RefreshTokenRecord,
  type RotateOutcome,
} from './refresh-grant-store';

/** Row key of a family's row, in the family's partition. */
const FAMILY_ROW_KEY = 'family';

/** Row key of a redeemed token's row, in its family's partition. */
function redeemedRowKey(hash: string): string {
  return `token.${hash}`;
}

/**
 * A family's row, which also holds the family's latest token: the one a client redeems next, so
 * that redeeming it reads one row. `expiresAt` (when the cleanup may delete the row) follows the
 * latest retention of any of its tokens, so a family outlives its tokens.
 */
interface FamilyRow {
  readonly userId: string;
  readonly clientId: string;
  readonly policy: string;
  readonly scope: string;
  readonly authTime: number;
  readonly successorKey: string;
  readonly revoked: boolean;
  /** Absent from a family row of the layout before this one, whose tokens read as unknown. */
  readonly latestHash?: string;
  readonly latestIssuedAt: number;
  readonly latestExpiresAt: number;
  readonly expiresAt: number;
}

/** A redeemed token's row. `expiresAt` is when the cleanup may delete it. */
interface RedeemedTokenRow {
  readonly issuedAt: number;
  readonly tokenExpiresAt: number;
  readonly rotatedAt: number;
  readonly expiresAt: number;
}

/** The rows a grant was read from. */
interface GrantRows {
  readonly family: StoredRow<FamilyRow>;
  /** Read when the token was not the family's latest. */
  readonly redeemed?: StoredRow<RedeemedTokenRow>;
}

/** A family row deleted by the cleanup takes its latest token with it: two entries. */
const ENTRIES_PER_ROW: EntriesPerRow = {
  properties: ['latestHash'],
  count: (row) => (typeof row['latestHash'] === 'string' ? 2 : 1),
};

/**
 * Refresh grants in a table, a partition per family (its id, which every token carries in front):
 * the family's row, holding its latest token, and a row per redeemed token. Redeeming the latest
 * token reads the family row (one point read) and writes one entity-group transaction: the family
 * row's new latest token (and expiry) on condition of its entity tag, and the redeemed token's
 * row. When two instances redeem one token at once exactly one transaction applies; the other
 * reads again and finds the token redeemed, with the winner's `rotatedAt`.
 */
export class TableRefreshGrantStore implements RefreshGrantStore {
  /** The rows behind each grant `find` returned, so that `rotate` need not read them again. */
  private readonly rowsRead = new WeakMap<FoundRefreshGrant, GrantRows>();

  constructor(private readonly table: StorageTable) {}

  async createFamily(family: RefreshGrantFamily, first: RefreshTokenRecord): Promise<void> {
    if (first.familyId !== family.id) throw new TypeError('a first token of another family');
    const created = await this.table.create(familyRow(family, first));
    // Family ids are random UUIDs: a collision is a bug, not a race.
    if (!created.ok) throw new Error(`refresh grant family ${family.id} already exists`);
  }

  async find(key: RefreshTokenKey): Promise<FoundRefreshGrant | undefined> {
    const rows = await this.read(key);
    if (!rows) return undefined;
    const family = readFamily(key.familyId, rows.family);
    const found = rows.redeemed
      ? { token: readRedeemedToken(key, rows.redeemed), family }
      : { token: readLatestToken(key, rows.family), family };
    this.rowsRead.set(found, rows);
    return found;
  }

  rotate(
    key: RefreshTokenKey,
    successor: RefreshTokenRecord,
    at: number,
    found?: FoundRefreshGrant,
  ): Promise<RotateOutcome> {
    if (successor.familyId !== key.familyId) {
      return Promise.reject(new TypeError('rotate: a successor of another family'));
    }
    // The first attempt starts from the rows `find` read (the transaction's condition catches any
    // change since); a retry after a lost race reads again.
    let known = found && this.rowsRead.get(found);
    if (known?.family.partitionKey !== key.familyId) known = undefined;
    return retryOnConflict<RotateOutcome>('rotate a refresh token', async () => {
      const rows = known ?? (await this.read(key));
      known = undefined;
      if (!rows) throw new Error('rotate: unknown refresh token');
      if (rows.redeemed) {
        return done({ outcome: 'already_rotated', rotatedAt: rows.redeemed.rotatedAt });
      }
      const written = await this.table.transaction([
        ['update', successorOf(rows.family, successor), 'Merge', { etag: rows.family.etag }],
        ['create', redeemedRow(key, rows.family, at)],
      ]);
      // Lost the race (or the family changed): the next attempt reads the rows again.
      return written.ok ? done({ outcome: 'rotated' }) : CONFLICT;
    });
  }

  async revokeFamily(familyId: string): Promise<void> {
    // Merge touches only `revoked`, so a concurrent rotation's latest token and expiry are kept.
    await this.table.merge({ partitionKey: familyId, rowKey: FAMILY_ROW_KEY, revoked: true });
  }

  deleteExpired(now: number): Promise<number> {
    return deleteExpiredRows(this.table, now, ENTRIES_PER_ROW);
  }

  clear(): Promise<void> {
    return this.table.clear();
  }

  /**
   * The family row, and the redeemed token's row when the token is not the family's latest:
   * undefined when either is missing.
   */
  private async read(key: RefreshTokenKey): Promise<GrantRows | undefined> {
    const family = await this.table.get<FamilyRow>(key.familyId, FAMILY_ROW_KEY);
    if (!family) return undefined;
    if (family.latestHash === key.hash) return { family };
    const redeemed = await this.table.get<RedeemedTokenRow>(key.familyId, redeemedRowKey(key.hash));
    return redeemed && { family, redeemed };
  }
}

function familyRow(family: RefreshGrantFamily, first: RefreshTokenRecord): RowToWrite {
  const { id, authTime, ...rest } = family;
  return {
    partitionKey: id,
    rowKey: FAMILY_ROW_KEY,
    ...rest,
    authTime: epochMs(authTime),
    ...latestTokenProperties(first),
    expiresAt: epochMs(tokenRetainedUntil(first.expiresAt)),
  };
}

function latestTokenProperties(token: RefreshTokenRecord) {
  return {
    latestHash: token.hash,
    latestIssuedAt: epochMs(token.issuedAt),
    latestExpiresAt: epochMs(token.expiresAt),
  };
}

/**
 * The merge that makes `successor` the family's latest token. The family's expiry never moves
 * back, so the cleanup never deletes a family under a live token, even one a shorter lifetime
 * setting issued after it.
 */
function successorOf(family: StoredRow<FamilyRow>, successor: RefreshTokenRecord): RowToWrite {
  return {
    partitionKey: family.partitionKey,
    rowKey: FAMILY_ROW_KEY,
    ...latestTokenProperties(successor),
    expiresAt: epochMs(Math.max(family.expiresAt, tokenRetainedUntil(successor.expiresAt))),
  };
}

/** The row the family's latest token moves to when it is redeemed at `at`. */
function redeemedRow(key: RefreshTokenKey, family: FamilyRow, at: number): RowToWrite {
  return {
    partitionKey: key.familyId,
    rowKey: redeemedRowKey(key.hash),
    issuedAt: epochMs(family.latestIssuedAt),
    tokenExpiresAt: epochMs(family.latestExpiresAt),
    rotatedAt: epochMs(at),
    expiresAt: epochMs(tokenRetainedUntil(family.latestExpiresAt)),
  };
}

function readLatestToken(key: RefreshTokenKey, row: FamilyRow): RefreshTokenRecord {
  return {
    hash: key.hash,
    familyId: key.familyId,
    issuedAt: row.latestIssuedAt,
    expiresAt: row.latestExpiresAt,
  };
}

function readRedeemedToken(key: RefreshTokenKey, row: RedeemedTokenRow): RefreshTokenRecord {
  return {
    hash: key.hash,
    familyId: key.familyId,
    issuedAt: row.issuedAt,
    expiresAt: row.tokenExpiresAt,
    rotatedAt: row.rotatedAt,
  };
}

function readFamily(id: string, row: FamilyRow): RefreshGrantFamily {
  return {
    id,
    userId: row.userId,
    clientId: row.clientId,
    policy: row.policy,
    scope: row.scope,
    authTime: row.authTime,
    successorKey: row.successorKey,
    revoked: row.revoked,
  };
}
