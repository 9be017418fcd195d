import { windowStart, type RateCounterStore, type RateWindow } from './rate-counter-store';

/** Past this many keys, windows that have ended are swept, so memory stays bounded. */
const SWEEP_AT_SIZE = 10_000;

/** A counted window and when it ends (epoch ms). */
interface CountedWindow extends RateWindow {
  readonly end: number;
}

/** Rate counters in process memory (single-threaded, so every hit is atomic). */
export class MemoryRateCounterStore implements RateCounterStore {
  private readonly windows = new Map<string, CountedWindow>();

  hit(key: string, windowMs: number, now: number): Promise<RateWindow> {
    const start = windowStart(now, windowMs);
    const current = this.windows.get(key);
    const count = current?.start === start ? current.count + 1 : 1;
    this.windows.set(key, { start, count, end: start + windowMs });
    if (this.windows.size > SWEEP_AT_SIZE) this.sweep(now);
    return Promise.resolve({ start, count });
  }

  peek(key: string, windowMs: number, now: number): Promise<RateWindow> {
    const start = windowStart(now, windowMs);
    const current = this.windows.get(key);
    return Promise.resolve({ start, count: current?.start === start ? current.count : 0 });
  }

  clear(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }

  deleteExpired(now: number): Promise<number> {
    return Promise.resolve(this.sweep(now));
  }

  private sweep(now: number): number {
    let deleted = 0;
    for (const [key, window] of this.windows) {
      if (window.end <= now) {
        this.windows.delete(key);
        deleted++;
      }
    }
    return deleted;
  }
}
