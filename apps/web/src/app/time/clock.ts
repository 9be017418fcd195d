import { Injectable } from '@angular/core';

/**
 * Wall-clock time and a repeating timer behind one injectable, so tests drive time by replacing
 * it instead of faking the global timers (which stall real sockets and Angular's scheduler).
 */
@Injectable({ providedIn: 'root' })
export class Clock {
  /** Milliseconds since the epoch. */
  now(): number {
    return Date.now();
  }

  /** Calls `tick` every `intervalMs` until the returned function is called. */
  every(intervalMs: number, tick: () => void): () => void {
    const id = setInterval(tick, intervalMs);
    return () => {
      clearInterval(id);
    };
  }
}
