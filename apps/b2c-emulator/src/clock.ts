/**
 * The emulator's one clock. Every time-dependent rule (token times, refresh windows, lockout,
 * rate limits) reads it, so the admin clock route can move the whole tenant in time.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** A clock that runs with the system clock plus an adjustable offset. */
export class OffsetClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.offsetMs;
  }

  /** Seconds added to the system time (negative moves back). */
  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  /** Whole milliseconds, so that `now()` stays an integer as every store expects. */
  setOffsetSeconds(seconds: number): void {
    if (!Number.isFinite(seconds)) throw new TypeError('offsetSeconds must be a finite number');
    this.offsetMs = Math.round(seconds * 1000);
  }
}

/** Epoch seconds of a clock, as JWT times are written. */
export function epochSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
