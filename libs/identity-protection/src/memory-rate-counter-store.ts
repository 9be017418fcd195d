import {
  windowStart,
  type KeyedRateWindow,
  type ListableRateCounterStore,
  type RateWindow,
} from './rate-counter-store';

/** Past this many keys, windows that have ended are swept, so memory stays bounded. */
const SWEEP_AT_SIZE = 10_000;

/** A counted window and when it ends (epoch ms). */
interface CountedWindow extends RateWindow {
  readonly end: number;
}

/** Rate counters in process memory (single-threaded, so every hit is atomic). */
export class MemoryRateCounterStore implements ListableRateCounterStore {
  private readonly counters = new Map<string, CountedWindow>();

  hit(key: string, windowMs: number, now: number): Promise<RateWindow> {
    const start = windowStart(now, windowMs);
    const current = this.counters.get(key);
    const count = current?.start === start ? current.count + 1 : 1;
    this.counters.set(key, { start, count, end: start + windowMs });
    if (this.counters.size > SWEEP_AT_SIZE) this.sweep(now);
    return Promise.resolve({ start, count });
  }

  peek(key: string, windowMs: number, now: number): Promise<RateWindow> {
    const start = windowStart(now, windowMs);
    const current = this.counters.get(key);
    return Promise.resolve({ start, count: current?.start === start ? current.count : 0 });
  }

  windows(keyPrefix: string, now: number): Promise<KeyedRateWindow[]> {
    const current: KeyedRateWindow[] = [];
    for (const [key, { start, count, end }] of this.counters) {
      if (key.startsWith(keyPrefix) && end > now) current.push({ key, start, count, end });
    }
    return Promise.resolve(current);
  }

  clear(): Promise<void> {
    this.counters.clear();
    return Promise.resolve();
  }

  deleteExpired(now: number): Promise<number> {
    return Promise.resolve(this.sweep(now));
  }

  private sweep(now: number): number {
    let deleted = 0;
    for (const [key, window] of this.counters) {
      if (window.end <= now) {
        this.counters.delete(key);
        deleted++;
      }
    }
    return deleted;
  }
}
