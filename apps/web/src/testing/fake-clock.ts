import { Clock } from '../app/time/clock';

interface FakeTimer {
  readonly intervalMs: number;
  readonly tick: () => void;
  due: number;
}

/**
 * A `Clock` whose time moves only when a test calls `advance`, firing due timers in order. Lets
 * tests walk through minutes of a countdown instantly without faking the global timers.
 */
export class FakeClock extends Clock {
  private time: number;
  private readonly timers = new Set<FakeTimer>();

  constructor(start = Date.UTC(2026, 0, 1, 9, 0, 0)) {
    super();
    this.time = start;
  }

  /** How many `every` timers are running. */
  get activeTimers(): number {
    return this.timers.size;
  }

  override now(): number {
    return this.time;
  }

  override every(intervalMs: number, tick: () => void): () => void {
    const timer: FakeTimer = { intervalMs, tick, due: this.time + intervalMs };
    this.timers.add(timer);
    return () => {
      this.timers.delete(timer);
    };
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (let next = this.nextTimer(end); next !== undefined; next = this.nextTimer(end)) {
      this.time = next.due;
      next.due += next.intervalMs;
      next.tick();
    }
    this.time = end;
  }

  private nextTimer(end: number): FakeTimer | undefined {
    let next: FakeTimer | undefined;
    for (const timer of this.timers) {
      if (timer.due <= end && (next === undefined || timer.due < next.due)) next = timer;
    }
    return next;
  }
}
