import { windowStart, type RateCounterStore, type RateWindow } from './rate-counter-store';

/** Past this many keys, windows that have ended are swept, so memory stays bounded. */
const SWEEP_AT_SIZE = 10_000;

/** Rate counters in process memory (single-threaded, so every hit is atomic). */
export class MemoryRateCounterStore implements RateCounterStore {
  private readonly windows = new Map<string, RateWindow>();

  hit(key: string, windowMs: number, now: number): Promise<RateWindow> {
    const start = windowStart(now, windowMs);
    const current = this.windows.get(key);
    const next: RateWindow = { start, count: current?.start === start ? current.count + 1 : 1 };
    this.windows.set(key, next);
    if (this.windows.size > SWEEP_AT_SIZE) this.sweep(start);
    return Promise.resolve(next);
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

  private sweep(currentStart: number): void {
    for (const [key, window] of this.windows) {
      if (window.start < currentStart) this.windows.delete(key);
    }
  }
}
