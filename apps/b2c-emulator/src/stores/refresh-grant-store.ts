/**
 * Refresh grants: a family per sign-in, a record per issued refresh token. Tokens are looked up
 * by their family id and SHA-256 hash (`tokens/refresh-token-codec.ts` reads both from a token);
 * the store never holds a usable refresh token.
 */

/** One sign-in's chain of refresh tokens. */
export interface RefreshGrantFamily {
  readonly id: string;
  readonly userId: string;
  readonly clientId: string;
  /** The policy name as configured. */
  readonly policy: string;
  /** The scope values granted at sign-in, space-separated. */
  readonly scope: string;
  /** Epoch ms of the password sign-in: the start of the sliding window and `auth_time`. */
  readonly authTime: number;
  /** Key for deriving successor tokens, so that a retried redemption gets the same successor. */
  readonly successorKey: string;
  readonly revoked: boolean;
}

/** One issued refresh token. */
export interface RefreshTokenRecord {
  /** base64url SHA-256 of the token. */
  readonly hash: string;
  readonly familyId: string;
  /** Epoch ms. */
  readonly issuedAt: number;
  /** Epoch ms: this token's own lifetime end. */
  readonly expiresAt: number;
  /** Epoch ms when it was redeemed; undefined while unused. */
  readonly rotatedAt?: number;
}

/** Where a store keeps a refresh token: its family, and its hash within the family. */
export type RefreshTokenKey = Pick<RefreshTokenRecord, 'familyId' | 'hash'>;

/** A refresh token as looked up, with its family. */
export interface FoundRefreshGrant {
  readonly token: RefreshTokenRecord;
  readonly family: RefreshGrantFamily;
}

/** Outcome of {@link RefreshGrantStore.rotate}. */
export type RotateOutcome =
  | { readonly outcome: 'rotated' }
  /** Someone redeemed it first (a retry, a race, or a replay). */
  | { readonly outcome: 'already_rotated'; readonly rotatedAt: number };

/**
 * How long a store keeps a refresh token after its own expiry, so that a late redemption still
 * answers AADB2C90080 (expired) as B2C does, instead of AADB2C90090 (unknown token). A family is
 * kept while any of its tokens is.
 */
export const EXPIRED_TOKEN_RETENTION_MS = 24 * 3600 * 1000;

/** Epoch ms at which a store may forget a refresh token that expires at `expiresAt`. */
export function tokenRetainedUntil(expiresAt: number): number {
  return expiresAt + EXPIRED_TOKEN_RETENTION_MS;
}

/** Where refresh grants live. Every change is atomic per token. */
export interface RefreshGrantStore {
  createFamily(family: RefreshGrantFamily, first: RefreshTokenRecord): Promise<void>;
  /** The token and its family; undefined when either is unknown (or the token is another's). */
  find(token: RefreshTokenKey): Promise<FoundRefreshGrant | undefined>;
  /**
   * Marks `token` redeemed at `at` and stores `successor` (of the same family) in one atomic step,
   * unless it was already redeemed: a retry or a concurrent redemption then learns when, and
   * writes nothing, so the first successor stored is kept as it is. `found`, what `find(token)`
   * returned, lets a store skip reading the same rows again.
   */
  rotate(
    token: RefreshTokenKey,
    successor: RefreshTokenRecord,
    at: number,
    found?: FoundRefreshGrant,
  ): Promise<RotateOutcome>;
  revokeFamily(familyId: string): Promise<void>;
  /**
   * Deletes the tokens retained past {@link tokenRetainedUntil} at `now`, and the families left
   * without a token; returns how many entries it deleted.
   */
  deleteExpired(now: number): Promise<number>;
  /** Forgets every grant (tenant reset). */
  clear(): Promise<void>;
}
