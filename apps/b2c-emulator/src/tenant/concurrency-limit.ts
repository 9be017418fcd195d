/**
 * Runs at most `limit` tasks at once; the rest wait in arrival order. For work whose throughput
 * is bounded by the cores anyway, where running more at once only costs memory.
 */
export class ConcurrencyLimit {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`A concurrency limit is a whole number ≥ 1, not ${limit}.`);
    }
  }

  /** Tasks started and not yet settled. */
  get running(): number {
    return this.#running;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.limit) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiter, so `running` never overshoots the limit.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
