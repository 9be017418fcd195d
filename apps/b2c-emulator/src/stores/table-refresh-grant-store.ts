import {
  CONFLICT,
  deleteExpiredRows,
  done,
  epochMs,
  retryOnConflict,
  type RowToWrite,
  type StorageTable,
  type StoredRow,
} from '@ropc/table-storage';
import {
  tokenRetainedUntil,
  type FoundRefreshGrant,
  type RefreshGrantFamily,
  type RefreshGrantStore,
  type RefreshTokenRecord,
  type RotateOutcome,
} from './refresh-grant-store';

/** Row key of a token row, whose partition key is the token's hash. */
const TOKEN_ROW_KEY = 'token';
/** Row key of a family row, whose partition key is the family id. */
const FAMILY_ROW_KEY = 'family';

/** A token row. `expiresAt` is when the cleanup may delete it: the token's expiry + retention. */
interface TokenRow {
  readonly familyId: string;
  readonly issuedAt: number;
  readonly tokenExpiresAt: number;
  readonly rotatedAt?: number;
  readonly expiresAt: number;
}

/** The rows a grant was read from. */
interface GrantRows {
  readonly token: StoredRow<TokenRow>;
  readonly family: StoredRow<FamilyRow>;
}

/** A family row. `expiresAt` follows its latest token's, so a family outlives its tokens. */
interface FamilyRow {
  readonly userId: string;
  readonly clientId: string;
  readonly policy: string;
  readonly scope: string;
  readonly authTime: number;
  readonly successorKey: string;
  readonly revoked: boolean;
  readonly expiresAt: number;
}

/**
 * Refresh grants in a table: a row per token (partition = its SHA-256, so a lookup is a point
 * read) and a row per family (partition = its id). Rotation is a compare-and-set on the token
 * row's entity tag, so when two instances redeem one token at once exactly one wins and the other
 * learns the winner's `rotatedAt`.
 */
export class TableRefreshGrantStore implements RefreshGrantStore {
  /** The rows behind each grant `find` returned, so that `rotate` need not read them again. */
  private readonly rowsRead = new WeakMap<FoundRefreshGrant, GrantRows>();

  constructor(private readonly table: StorageTable) {}

  /** The family first: a token row never points at a missing family. */
  async createFamily(family: RefreshGrantFamily, first: RefreshTokenRecord): Promise<void> {
    await this.insert(familyRow(family, tokenRetainedUntil(first.expiresAt)));
    await this.insert(tokenRow(first));
  }

  async find(hash: string): Promise<FoundRefreshGrant | undefined> {
    const token = await this.table.get<TokenRow>(hash, TOKEN_ROW_KEY);
    if (!token) return undefined;
    const family = await this.table.get<FamilyRow>(token.familyId, FAMILY_ROW_KEY);
    if (!family) return undefined;
    const found = {
      token: readToken(hash, token),
      family: readFamily(family.partitionKey, family),
    };
    this.rowsRead.set(found, { token, family });
    return found;
  }

  /**
   * Writes the successor first, then marks `hash` redeemed if it still has the entity tag read:
   * a crash in between leaves an unreachable successor (the retry derives and finds the same
   * one), never a redeemed token without its successor.
   */
  rotate(
    hash: string,
    successor: RefreshTokenRecord,
    at: number,
    found?: FoundRefreshGrant,
  ): Promise<RotateOutcome> {
    // The first attempt starts from the rows `find` read (the conditional writes catch any change
    // since); a retry after a lost race reads again.
    let known = found && this.rowsRead.get(found);
    if (known?.token.partitionKey !== hash) known = undefined;
    return retryOnConflict<RotateOutcome>('rotate a refresh token', async () => {
      const token = known?.token ?? (await this.table.get<TokenRow>(hash, TOKEN_ROW_KEY));
      const family = known?.family;
      known = undefined;
      if (!token) throw new Error('rotate: unknown refresh token');
      if (token.rotatedAt !== undefined) {
        return done({ outcome: 'already_rotated', rotatedAt: token.rotatedAt });
      }
      // Not ok: a retry or a concurrent redemption already wrote this same successor.
      await this.table.create(tokenRow(successor));
      await this.extendFamily(token.familyId, tokenRetainedUntil(successor.expiresAt), family);
      const marked = await this.table.merge(
        { partitionKey: hash, rowKey: TOKEN_ROW_KEY, rotatedAt: epochMs(at) },
        token.etag,
      );
      // Lost the race: the next attempt reads the winner's rotatedAt.
      return marked.ok ? done({ outcome: 'rotated' }) : CONFLICT;
    });
  }

  async revokeFamily(familyId: string): Promise<void> {
    // Merge touches only `revoked`, so a concurrent extension of the family's expiry is kept.
    await this.table.merge({ partitionKey: familyId, rowKey: FAMILY_ROW_KEY, revoked: true });
  }

  deleteExpired(now: number): Promise<number> {
    return deleteExpiredRows(this.table, now);
  }

  clear(): Promise<void> {
    return this.table.clear();
  }

  /**
   * Keeps the family at least until `until`: the cleanup never deletes it under a live token.
   * Starts from `known`, the family row already read, when there is one.
   */
  private async extendFamily(
    familyId: string,
    until: number,
    known?: StoredRow<FamilyRow>,
  ): Promise<void> {
    let read = known?.partitionKey === familyId ? known : undefined;
    await retryOnConflict('extend a refresh grant family', async () => {
      const family = read ?? (await this.table.get<FamilyRow>(familyId, FAMILY_ROW_KEY));
      read = undefined;
      if (!family || family.expiresAt >= until) return done(undefined);
      const merged = await this.table.merge(
        { partitionKey: familyId, rowKey: FAMILY_ROW_KEY, expiresAt: epochMs(until) },
        family.etag,
      );
      return merged.ok ? done(undefined) : CONFLICT;
    });
  }

  private async insert(row: RowToWrite): Promise<void> {
    const created = await this.table.create(row);
    // Ids and hashes are 256-bit random values: a collision is a bug, not a race.
    if (!created.ok) throw new Error(`refresh grant row ${row.rowKey} already exists`);
  }
}

function tokenRow(token: RefreshTokenRecord): RowToWrite {
  return {
    partitionKey: token.hash,
    rowKey: TOKEN_ROW_KEY,
    familyId: token.familyId,
    issuedAt: epochMs(token.issuedAt),
    tokenExpiresAt: epochMs(token.expiresAt),
    ...(token.rotatedAt === undefined ? {} : { rotatedAt: epochMs(token.rotatedAt) }),
    expiresAt: epochMs(tokenRetainedUntil(token.expiresAt)),
  };
}

function familyRow(family: RefreshGrantFamily, expiresAt: number): RowToWrite {
  const { id, authTime, ...rest } = family;
  return {
    partitionKey: id,
    rowKey: FAMILY_ROW_KEY,
    ...rest,
    authTime: epochMs(authTime),
    expiresAt: epochMs(expiresAt),
  };
}

function readToken(hash: string, row: TokenRow): RefreshTokenRecord {
  return {
    hash,
    familyId: row.familyId,
    issuedAt: row.issuedAt,
    expiresAt: row.tokenExpiresAt,
    ...(row.rotatedAt === undefined ? {} : { rotatedAt: row.rotatedAt }),
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
