import type { TenantUser } from '../tenant/tenant-model';

/** A user as the emulator keeps it: the tenant model plus session state. */
export interface StoredUser extends TenantUser {
  /**
   * Epoch ms: refresh grants from sign-ins before this are revoked (password change, revocation).
   */
  readonly refreshTokensValidFrom: number;
}

/** Thrown when a create or update would duplicate an object id or a sign-in identity. */
export class UserConflictError extends Error {
  constructor(readonly field: 'id' | 'identities') {
    super(`another user has the same ${field}`);
    this.name = 'UserConflictError';
  }
}

/** The tenant's users. Sign-in names are looked up normalised (see `normaliseUsername`). */
export interface UserStore {
  get(id: string): Promise<StoredUser | undefined>;
  /** Finds the user with an identity whose issuerAssignedId normalises to `signInName`. */
  findBySignInName(signInName: string): Promise<StoredUser | undefined>;
  list(): Promise<readonly StoredUser[]>;
  /** @throws UserConflictError */
  create(user: StoredUser): Promise<StoredUser>;
  /**
   * Applies `change` atomically; undefined when the user does not exist. `change` may run more
   * than once when another writer wins a race, so it must not have side effects.
   * @throws UserConflictError
   */
  update(id: string, change: (user: StoredUser) => StoredUser): Promise<StoredUser | undefined>;
  delete(id: string): Promise<boolean>;
  /** Replaces every user (tenant reset and import); the store counts as seeded afterwards. */
  replaceAll(users: readonly StoredUser[]): Promise<void>;
  /**
   * Seeds a store that was never seeded with the tenant file's users, and never overwrites: a
   * durable store keeps what it holds across restarts, and instances starting together seed once.
   * Returns false when the store had been seeded before.
   */
  seed(users: readonly StoredUser[]): Promise<boolean>;
}
