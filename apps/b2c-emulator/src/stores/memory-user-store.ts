import { normaliseUsername } from '@ropc/identity-protection';
import { UserConflictError, type StoredUser, type UserStore } from './user-store';

const signInNames = (user: StoredUser): string[] =>
  user.identities.map((identity) => normaliseUsername(identity.issuerAssignedId));

/** Runs a synchronous write, turning what it throws into a rejection, as store callers expect. */
function settled<T>(write: () => T): Promise<T> {
  // A throwing executor rejects the promise.
  return new Promise((resolve) => {
    resolve(write());
  });
}

/** Users in process memory, indexed by id and by normalised sign-in name. */
export class MemoryUserStore implements UserStore {
  private readonly byId = new Map<string, StoredUser>();
  private readonly byName = new Map<string, string>();
  private seeded = false;

  get(id: string): Promise<StoredUser | undefined> {
    return Promise.resolve(this.byId.get(id.toLowerCase()));
  }

  findBySignInName(signInName: string): Promise<StoredUser | undefined> {
    const id = this.byName.get(normaliseUsername(signInName));
    return Promise.resolve(id === undefined ? undefined : this.byId.get(id));
  }

  list(): Promise<readonly StoredUser[]> {
    return Promise.resolve([...this.byId.values()]);
  }

  create(user: StoredUser): Promise<StoredUser> {
    return settled(() => {
      if (this.byId.has(user.id.toLowerCase())) throw new UserConflictError('id');
      this.index(user, undefined);
      return user;
    });
  }

  update(id: string, change: (user: StoredUser) => StoredUser): Promise<StoredUser | undefined> {
    return settled(() => {
      const existing = this.byId.get(id.toLowerCase());
      if (!existing) return undefined;
      const updated = change(existing);
      this.index(updated, existing);
      return updated;
    });
  }

  delete(id: string): Promise<boolean> {
    const existing = this.byId.get(id.toLowerCase());
    if (!existing) return Promise.resolve(false);
    for (const name of signInNames(existing)) this.byName.delete(name);
    this.byId.delete(id.toLowerCase());
    return Promise.resolve(true);
  }

  replaceAll(users: readonly StoredUser[]): Promise<void> {
    return settled(() => {
      this.byId.clear();
      this.byName.clear();
      for (const user of users) this.index(user, undefined);
      this.seeded = true;
    });
  }

  async seed(users: readonly StoredUser[]): Promise<boolean> {
    if (this.seeded) return false;
    await this.replaceAll(users);
    return true;
  }

  /** Checks identities for conflicts, then swaps `previous` for `user` in both indexes. */
  private index(user: StoredUser, previous: StoredUser | undefined): void {
    const id = user.id.toLowerCase();
    for (const name of signInNames(user)) {
      const owner = this.byName.get(name);
      if (owner !== undefined && owner !== id) throw new UserConflictError('identities');
    }
    if (previous) for (const name of signInNames(previous)) this.byName.delete(name);
    for (const name of signInNames(user)) this.byName.set(name, id);
    this.byId.set(id, user);
  }
}
