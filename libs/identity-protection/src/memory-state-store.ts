import type {
  ExpiringState,
  KeyedState,
  ListableStateStore,
  StateDecision,
} from './atomic-state-store';

/** Past this many keys, expired states are swept without waiting for the cleanup timer. */
const SWEEP_AT_SIZE = 10_000;

/** States in process memory: single-threaded, so every update is atomic. */
export class MemoryStateStore<T extends ExpiringState> implements ListableStateStore<T> {
  private readonly states = new Map<string, T>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): Promise<T | undefined> {
    return Promise.resolve(this.states.get(key));
  }

  update<R>(key: string, decide: (current: T | undefined) => StateDecision<T, R>): Promise<R> {
    const decision = decide(this.states.get(key));
    if (decision.write) {
      if (decision.next === undefined) this.states.delete(key);
      else this.states.set(key, decision.next);
      if (this.states.size > SWEEP_AT_SIZE) this.sweep(this.now());
    }
    return Promise.resolve(decision.result);
  }

  entries(keyPrefix: string, now: number): Promise<KeyedState<T>[]> {
    const live: KeyedState<T>[] = [];
    for (const [key, state] of this.states) {
      if (key.startsWith(keyPrefix) && state.expiresAt > now) live.push({ key, state });
    }
    return Promise.resolve(live);
  }

  deleteExpired(now: number): Promise<number> {
    return Promise.resolve(this.sweep(now));
  }

  clear(): Promise<void> {
    this.states.clear();
    return Promise.resolve();
  }

  private sweep(now: number): number {
    let deleted = 0;
    for (const [key, state] of this.states) {
      if (state.expiresAt > now) continue;
      this.states.delete(key);
      deleted++;
    }
    return deleted;
  }
}
