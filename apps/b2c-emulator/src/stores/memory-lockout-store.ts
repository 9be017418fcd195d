import type { LockoutState, LockoutStore } from './lockout-store';

/** Lockout state in process memory (single-threaded, so every update is atomic). */
export class MemoryLockoutStore implements LockoutStore {
  private readonly states = new Map<string, LockoutState>();

  get(key: string): Promise<LockoutState | undefined> {
    return Promise.resolve(this.states.get(key));
  }

  update(
    key: string,
    change: (state: LockoutState | undefined) => LockoutState | undefined,
  ): Promise<LockoutState | undefined> {
    const next = change(this.states.get(key));
    if (next) this.states.set(key, next);
    else this.states.delete(key);
    return Promise.resolve(next);
  }

  deleteExpired(now: number): Promise<number> {
    let deleted = 0;
    for (const [key, state] of this.states) {
      if (state.expiresAt > now) continue;
      this.states.delete(key);
      deleted++;
    }
    return Promise.resolve(deleted);
  }

  clear(): Promise<void> {
    this.states.clear();
    return Promise.resolve();
  }
}
