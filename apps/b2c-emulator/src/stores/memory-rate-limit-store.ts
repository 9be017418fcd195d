import type { RateLimitStore, RateWindow } from './rate-limit-store';

/** Bounds memory: windows older than this many are swept when the map grows large. */
const SWEEP_AT_SIZE = 10_000;

/** Request counters in process memory. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, RateWindow>();

  hit(key: string, windowMs: number, now: number): Promise<RateWindow> {
    const start = now - (now % windowMs);
    const current = this.windows.get(key);
    const next: RateWindow =
      current?.start === start ? { start, count: current.count + 1 } : { start, count: 1 };
    this.windows.set(key, next);
    if (this.windows.size > SWEEP_AT_SIZE) this.sweep(start);
    return Promise.resolve(next);
  }

  clear(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }

  private sweep(currentStart: number): void {
    for (const [key, window] of this.windows)
      if (window.start < currentStart) this.windows.delete(key);
  }
}
