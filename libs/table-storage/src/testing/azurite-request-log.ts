import type { AzuriteRequest } from './azurite';

/**
 * Azurite's access log as it comes in (`startAzurite({ onRequest: log.record })`), and the
 * requests it answered while some work ran. The log reaches this process through a pipe, a little
 * late, so `during` waits for it to be quiet for 100 ms before and after the work.
 */
export class AzuriteRequestLog {
  readonly #answered: AzuriteRequest[] = [];

  /** Keeps one request of the log; give it to `startAzurite` as `onRequest`. */
  readonly record = (request: AzuriteRequest): void => {
    this.#answered.push(request);
  };

  /** The requests Azurite answered during `work`. */
  async during(work: () => Promise<unknown>): Promise<AzuriteRequest[]> {
    const before = await this.#settled();
    await work();
    return this.#answered.slice(before, await this.#settled());
  }

  async #settled(): Promise<number> {
    for (;;) {
      const seen = this.#answered.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (this.#answered.length === seen) return seen;
    }
  }
}
